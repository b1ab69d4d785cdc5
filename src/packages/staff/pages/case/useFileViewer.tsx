import { useState } from 'react';
import { View } from '@tarojs/components';
import { describeError } from '../../../../services/errors';
import type { StaffCaseDetail } from '../../../../services/workbench';
import { AppError } from '../../../../services/result';
import { a11yRole } from '../../../../utils/a11y';
import { fileKindOf, openCaseFile, type CaseFileRef } from '../../openCaseFile';

/** 查看 buttons for the case's files (one opens at a time) and what went wrong opening one. */
export function useFileViewer(c: StaffCaseDetail | undefined) {
  const [opening, setOpening] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  // every file of the case the agent may look at: materials (with 补正) and the applicant's signatures
  const caseFiles: CaseFileRef[] = c
    ? [
        ...c.materials.map((m) => ({ fileID: m.fileID, kind: fileKindOf(m.type) })),
        ...c.signatures.map((g) => ({ fileID: g.fileID, kind: 'image' as const })),
      ]
    : [];

  async function view(file: CaseFileRef) {
    if (!c || opening) return;
    setOpening(file.fileID);
    setFileError(null);
    try {
      await openCaseFile(c.caseId, caseFiles, file);
    } catch (e) {
      const platform = e as { errMsg?: string; message?: string } | undefined;
      setFileError(
        `文件打不开：${e instanceof AppError ? describeError(e) : (platform?.errMsg ?? platform?.message ?? '请稍后再试')}`,
      );
    } finally {
      setOpening(null);
    }
  }

  const viewButton = (file: CaseFileRef, name: string) => (
    <View
      className={`file-view t-view-file${opening === file.fileID ? ' file-view--busy' : ''}`}
      onClick={() => view(file)}
      {...a11yRole('button')}
      aria-label={`查看 ${name}`}
    >
      {opening === file.fileID ? '正在打开…' : '查看'}
    </View>
  );

  return { viewButton, fileError };
}

export type ViewButton = ReturnType<typeof useFileViewer>['viewButton'];
