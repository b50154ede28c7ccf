import { Checkbox, Fieldset, HStack, VisuallyHidden } from '@chakra-ui/react';
import { dayName, shortDayName, weekFrom } from './days';

interface Props {
  legend: string;
  value: readonly string[];
  onChange: (days: string[]) => void;
  weekStart: string | undefined;
  error?: string | undefined;
  hideLegend?: boolean;
}

/** The days of the week as checkboxes ("Mon" shown, "Monday" read out), starting on the user's first day. */
export function WeekdayChecks({ legend, value, onChange, weekStart, error, hideLegend }: Props) {
  const week = weekFrom(weekStart);
  const chosen = new Set(value.map((d) => d.toUpperCase().slice(0, 3)));
  function toggle(day: string, on: boolean) {
    const next = new Set(chosen);
    if (on) next.add(day);
    else next.delete(day);
    onChange(week.filter((d) => next.has(d)));
  }
  return (
    <Fieldset.Root invalid={error !== undefined}>
      <Fieldset.Legend srOnly={hideLegend}>{legend}</Fieldset.Legend>
      <HStack gap="1.5" wrap="wrap">
        {week.map((day) => (
          <Checkbox.Root
            key={day}
            checked={chosen.has(day)}
            onCheckedChange={(e) => toggle(day, e.checked === true)}
            borderWidth="1px"
            rounded="md"
            px="2.5"
            minH="10"
            gap="1.5"
            _checked={{ bg: 'colorPalette.subtle', borderColor: 'colorPalette.solid' }}
          >
            <Checkbox.HiddenInput />
            <Checkbox.Control />
            <Checkbox.Label>
              <span aria-hidden="true">{shortDayName(day)}</span>
              <VisuallyHidden>{dayName(day)}</VisuallyHidden>
            </Checkbox.Label>
          </Checkbox.Root>
        ))}
      </HStack>
      <Fieldset.ErrorText>{error}</Fieldset.ErrorText>
    </Fieldset.Root>
  );
}
