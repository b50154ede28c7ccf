import { Button } from '@chakra-ui/react';
import { t } from '../i18n/t';
import { useColorMode, type ColorModePreference } from '../theme/colorMode';
import { MoonIcon, SunIcon, SystemIcon } from './icons';

const NEXT: Record<ColorModePreference, ColorModePreference> = { system: 'light', light: 'dark', dark: 'system' };
const ICON = { system: SystemIcon, light: SunIcon, dark: MoonIcon };

/** Cycles the colour theme: the system's, light, dark. */
export function ColorModeButton() {
  const { preference, setPreference } = useColorMode();
  const Icon = ICON[preference];
  const name = t(`theme.${preference}`);
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => setPreference(NEXT[preference])}
      aria-label={t('theme.label', { mode: name })}
      title={t('theme.label', { mode: name })}
    >
      <Icon />
      <span>{name}</span>
    </Button>
  );
}
