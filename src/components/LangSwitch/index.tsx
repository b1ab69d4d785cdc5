import { View } from '@tarojs/components';
import { useLang } from '../../i18n';
import { a11yRole } from '../../utils/a11y';

/**
 * One tap between 中文 and ئۇيغۇرچە. It always names the other language in that language's own
 * script, so a reader who cannot read the current one still finds it; the choice is remembered.
 */
export default function LangSwitch() {
  const { lang, t, setLang } = useLang();
  // its name is what it shows: the other language's own name (a longer spoken label failed axe's label-in-name rule)
  return (
    <View
      className="lang-switch t-lang-switch"
      {...a11yRole('button')}
      onClick={() => setLang(lang === 'zh' ? 'ug' : 'zh')}
    >
      {t('lang.switch')}
    </View>
  );
}
