import { Textarea, View } from '@tarojs/components';
import FieldError from '../../components/FieldError';
import MaterialsPicker from '../../components/MaterialsPicker';
import MatterMaterials from '../../components/MatterMaterials';
import SignaturePad from '../../components/SignaturePad';
import ChoiceGroup from '../../components/ChoiceGroup';
import { MATTER_MAX_LENGTH, SERVICE_MODES } from '../../constants/categories';
import { CENTER_HOTLINE } from '../../constants/center';
import { a11yRole } from '../../utils/a11y';
import { mandateText } from './draft';
import { TextField, type Question } from './fields';
import type { QuestionContext } from './questions';

/** The questions every application ends with: the matter, the contact, the service, signing, files. */
export function closingQuestions(x: QuestionContext, person: boolean): Question[] {
  const { d, elder, t, lang, fieldErrors: fe, update } = x;
  const qs: Question[] = [];
  qs.push(
    {
      id: 'matter',
      keys: ['matter'],
      node: (
        <View key="matter" className={`field${fe.matter ? ' field--invalid' : ''}`}>
          <View className="field__label">{t('apply.q.matter')}</View>
          <View className="field__hint">{t('apply.hint.matter')}</View>
          <Textarea
            className="textarea t-matter"
            value={d.matter}
            maxlength={MATTER_MAX_LENGTH}
            placeholder={t('apply.ph.matter')}
            aria-label={t('apply.aria.matter')}
            onInput={(e) => update('matter', String(e.detail?.value ?? ''))}
          />
          <View className="counter">{t('apply.counter', { n: d.matter.length, max: MATTER_MAX_LENGTH })}</View>
          <FieldError name="matter" text={fe.matter} />
          {/* the center's 材料清单 for the matter named, and every matter's one tap away */}
          <MatterMaterials matter={d.matter} browse />
        </View>
      ),
    },
    {
      id: 'contactName',
      keys: ['contactName'],
      node: (
        <TextField
          key="contactName"
          name="contactName"
          hook="t-contact-name"
          label={t('apply.q.contactName')}
          hint={elder && person ? t('apply.hint.contactName') : undefined}
          value={d.contactName}
          error={fe.contactName}
          maxlength={20}
          placeholder={t('apply.ph.personName')}
          onInput={(v) => update('contactName', v)}
        />
      ),
    },
    {
      id: 'contactPhone',
      keys: ['contactPhone'],
      node: (
        <TextField
          key="contactPhone"
          name="contactPhone"
          hook="t-contact-phone"
          label={t('apply.q.contactPhone')}
          hint={t('apply.hint.contactPhone', { example: CENTER_HOTLINE })}
          type="text"
          value={d.contactPhone}
          error={fe.contactPhone}
          maxlength={20}
          placeholder={t('apply.ph.contactPhone')}
          onInput={(v) => update('contactPhone', v)}
        />
      ),
    },
    {
      id: 'mode',
      keys: ['mode'],
      node: (
        <ChoiceGroup
          key="mode"
          name="mode"
          label={t('apply.q.mode')}
          options={SERVICE_MODES.map((m) => ({
            ...m,
            label: t(`mode.${m.value}`),
            description: t(`mode.${m.value}.desc`),
          }))}
          value={d.mode}
          onChange={(v) => update('mode', v)}
          error={fe.mode}
        />
      ),
    },
  );
  if (d.mode === 'proxy') {
    qs.push({
      id: 'mandate',
      keys: ['mandate', 'mandate.signatureFileID'],
      node: (
        <View key="mandate" className="card t-mandate">
          <View className="card__title">{t('apply.mandate.title')}</View>
          {/* the reader's own language first; the Chinese text is what is signed and stored */}
          {lang === 'zh' ? null : <View className="mandate__text">{mandateText(d, lang)}</View>}
          {lang === 'zh' ? null : <View className="muted">{t('apply.mandate.official')}</View>}
          <View className="mandate__text t-mandate-text">{mandateText(d)}</View>
          <SignaturePad
            name="mandate"
            label={t('apply.mandate.sign')}
            hint={t('apply.mandate.hint')}
            signed={!!d.signatureFileID}
            error={fe.mandate || fe['mandate.signatureFileID']}
            onSigned={(id) => update('signatureFileID', id, 'mandate')}
            onReset={() => update('signatureFileID', '', 'mandate')}
          />
        </View>
      ),
    });
  }
  qs.push({
    id: 'materials',
    keys: ['materials'],
    node: (
      <MaterialsPicker
        key="materials"
        name="materials"
        label={t('apply.q.materials')}
        hint={t('apply.hint.materials')}
        files={d.materials}
        onChange={(f) => {
          update('materials', f);
          x.clearMaterialErrors();
        }}
        error={x.materialError}
        refused={x.refused}
      />
    ),
  });
  if (d.category === 'enterprise') {
    qs.push({
      id: 'commitment',
      keys: [],
      node: (
        <View
          key="commitment"
          className={`choice${d.commitment ? ' choice--on' : ''} t-commitment`}
          {...a11yRole('checkbox')}
          aria-checked={d.commitment ? 'true' : 'false'}
          onClick={() => update('commitment', !d.commitment)}
        >
          <View className="choice__mark" aria-hidden="true">
            {d.commitment ? '☑' : '☐'}
          </View>
          <View className="choice__body">
            <View className="choice__label">
              {t('apply.commitment')}
              {d.commitment ? t('common.chosen') : ''}
            </View>
            <View className="choice__desc">{t('apply.commitment.desc')}</View>
          </View>
        </View>
      ),
    });
  }
  return qs;
}
