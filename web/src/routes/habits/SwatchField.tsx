import { Box, Fieldset, HStack, Text, VisuallyHidden } from '@chakra-ui/react';
import { useId, type ReactNode } from 'react';
import { CheckIcon } from '../../components/icons';
import { t } from '../../i18n/t';
import { COLORS, ICONS, sameColor } from './choices';

interface Option {
  value: string;
  label: string;
  /** What the option shows (decorative: the label names it). */
  face: ReactNode;
}

interface SwatchProps {
  legend: string;
  options: readonly Option[];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  same?: (a: string, b: string) => boolean;
}

const focusRing = {
  '& input:focus-visible + [data-face]': {
    outline: '3px solid',
    outlineColor: 'colorPalette.focusRing',
    outlineOffset: '2px',
  },
};

/** A row of native radio buttons drawn as swatches, each with its name (read out, and shown on hover). */
function SwatchGroup({ legend, options, value, onChange, error, same = (a, b) => a === b }: SwatchProps) {
  const name = useId();
  const chosen = options.find((o) => same(o.value, value)) ?? options[0];
  return (
    <Fieldset.Root invalid={error !== undefined}>
      <Fieldset.Legend>
        {legend}
        {chosen ? (
          <Text as="span" fontWeight="normal" color="fg.muted" ms="2" aria-hidden="true">
            {chosen.label}
          </Text>
        ) : null}
      </Fieldset.Legend>
      <HStack gap="1.5" wrap="wrap">
        {options.map((o) => {
          const checked = same(o.value, value);
          return (
            <Box as="label" key={o.value || 'none'} title={o.label} cursor="pointer" css={focusRing} display="inline-flex">
              <VisuallyHidden asChild>
                <input type="radio" name={name} value={o.value} checked={checked} onChange={() => onChange(o.value)} />
              </VisuallyHidden>
              <Box
                data-face=""
                position="relative"
                display="inline-flex"
                alignItems="center"
                justifyContent="center"
                w="10"
                h="10"
                rounded="full"
                borderWidth={checked ? '3px' : '1px'}
                borderColor={checked ? 'fg' : 'border'}
                aria-hidden="true"
              >
                {o.face}
              </Box>
              <VisuallyHidden>{o.label}</VisuallyHidden>
            </Box>
          );
        })}
      </HStack>
      <Fieldset.ErrorText>{error}</Fieldset.ErrorText>
    </Fieldset.Root>
  );
}

function NoneFace() {
  return (
    <Box as="span" w="6" h="0.5" bg="fg.muted" transform="rotate(-45deg)" rounded="full" />
  );
}

function ColorFace({ color, checked }: { color: string; checked: boolean }) {
  return (
    <Box as="span" w="7" h="7" rounded="full" bg={color} color="white" display="flex" alignItems="center" justifyContent="center">
      {checked ? <CheckIcon /> : null}
    </Box>
  );
}

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** The habit's colour: no colour, one of the named swatches, or the colour it already has. */
export function ColorField({ value, onChange, error }: FieldProps) {
  const options: Option[] = [
    { value: '', label: t('habits.color.none'), face: <NoneFace /> },
    ...COLORS.map((c) => ({
      value: c.value,
      label: t(c.label),
      face: <ColorFace color={c.value} checked={sameColor(c.value, value)} />,
    })),
  ];
  if (value && !COLORS.some((c) => sameColor(c.value, value))) {
    options.push({ value, label: t('habits.color.custom', { color: value }), face: <ColorFace color={value} checked /> });
  }
  return (
    <SwatchGroup
      legend={t('habits.color')}
      options={options}
      value={value}
      onChange={onChange}
      error={error}
      same={sameColor}
    />
  );
}

/** The habit's icon: none, one of a small set of emoji, or the icon it already has. */
export function IconField({ value, onChange, error }: FieldProps) {
  const face = (emoji: string) => (
    <Text as="span" fontSize="xl" lineHeight="1">
      {emoji}
    </Text>
  );
  const options: Option[] = [
    { value: '', label: t('habits.icon.none'), face: <NoneFace /> },
    ...ICONS.map((i) => ({ value: i.value, label: t(i.label), face: face(i.value) })),
  ];
  if (value && !ICONS.some((i) => i.value === value)) {
    options.push({ value, label: t('habits.icon.custom', { icon: value }), face: face(value) });
  }
  return <SwatchGroup legend={t('habits.icon')} options={options} value={value} onChange={onChange} error={error} />;
}
