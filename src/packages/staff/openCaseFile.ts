import Taro from '@tarojs/taro';
import { getFileLinks } from '../../services/workbench';

/** A file of the case the staff page lists: a material or one of the applicant's signatures. */
export interface CaseFileRef {
  fileID: string;
  kind: 'image' | 'pdf';
}

export const fileKindOf = (type: string): CaseFileRef['kind'] => (type === 'application/pdf' ? 'pdf' : 'image');

/**
 * Opens a file the applicant uploaded (§五(一) 核实资料). An image opens in the image viewer with
 * every image of the case, starting at the tapped one, so the agent can swipe through them; a PDF
 * opens in WeChat's document viewer (downloaded first), or in a new browser tab on H5. The links
 * come from workbench.fileLink and last a few minutes: they are asked for at each tap.
 */
export async function openCaseFile(caseId: string, files: CaseFileRef[], tapped: CaseFileRef): Promise<void> {
  if (tapped.kind === 'image') {
    const images = [...new Set(files.filter((f) => f.kind === 'image').map((f) => f.fileID))];
    const { files: links } = await getFileLinks(
      caseId,
      images.includes(tapped.fileID) ? images : [tapped.fileID, ...images],
    );
    const current = links.find((l) => l.fileID === tapped.fileID)?.url ?? links[0].url;
    await Taro.previewImage({ urls: links.map((l) => l.url), current });
    return;
  }
  if (process.env.TARO_ENV === 'h5') {
    // opened inside the tap, then pointed at the link: a tab opened after an await is blocked as a popup
    const tab = window.open('', '_blank');
    try {
      const { files: links } = await getFileLinks(caseId, [tapped.fileID]);
      if (tab) tab.location.href = links[0].url;
      else window.location.assign(links[0].url);
    } catch (e) {
      tab?.close();
      throw e;
    }
    return;
  }
  const { files: links } = await getFileLinks(caseId, [tapped.fileID]);
  const downloaded = await Taro.downloadFile({ url: links[0].url });
  if (downloaded.statusCode !== 200) throw new Error(`下载失败（${downloaded.statusCode}）`);
  await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'pdf', showMenu: true });
}
