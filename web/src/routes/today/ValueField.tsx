import { Field, Input, InputGroup } from '@chakra-ui/react';
import { Busy } from '../../components/Busy';
import { forwardRef, useEffect, useId, useRef, useState } from 'react';
import { formErrors } from '../../api/errors';
import { t } from '../../i18n/t';
import { parseNumber } from './format';

export interface ValueFieldProps {
  habitName: string;
  unit: string | undefined;
  value: number | undefined;
  disabled: boolean;
  saving: boolean;
  /** The server's refusal of the last value, if any. */
  error: unknown;
  /** A new value (null: the field was emptied, the day is cleared). */
  onSave: (value: number | null) => void;
}

function shown(value: number | undefined): string {
  return value === undefined || value === null ? '' : String(value);
}

/** A measurement's value for today: a number field with the unit, saved on Enter and when it loses focus. */
export const ValueField = forwardRef<HTMLInputElement, ValueFieldProps>(function ValueField(
  { habitName, unit, value, disabled, saving, error, onSave },
  ref,
) {
  const id = useId();
  const [draft, setDraft] = useState(shown(value));
  const editing = useRef(false);
  const [invalid, setInvalid] = useState(false);
  // what was last handed to onSave: Enter and the blur after it save once
  const sent = useRef<number | null | undefined>(undefined);
  useEffect(() => {
    sent.current = undefined;
  }, [value, error]);

  // a new value (saved here, or from the server) shows unless the user is typing
  useEffect(() => {
    if (!editing.current) setDraft(shown(value));
  }, [value]);

  function commit() {
    const parsed = parseNumber(draft);
    if (parsed === undefined) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    editing.current = false;
    if (parsed === (value ?? null) || parsed === sent.current) return;
    sent.current = parsed;
    onSave(parsed);
  }

  const serverError = formErrors(error, ['value'] as const);
  const message = invalid ? t('today.valueInvalid') : (serverError.fields.value ?? (error ? serverError.general : undefined));
  const label = unit ? t('today.valueLabel', { habit: habitName, unit }) : t('today.valueLabelNoUnit', { habit: habitName });
  return (
    <Field.Root invalid={message !== undefined} w={{ base: '32', sm: '36' }} flexShrink={0}>
      <Field.Label htmlFor={id} srOnly>
        {label}
      </Field.Label>
      <InputGroup
        endAddon={unit}
        endElement={saving ? <Busy size="xs" label={t('today.valueSaving')} /> : undefined}
      >
        <Input
          id={id}
          ref={ref}
          name="value"
          inputMode="decimal"
          autoComplete="off"
          value={draft}
          disabled={disabled}
          aria-busy={saving}
          onFocus={() => {
            editing.current = true;
          }}
          onChange={(e) => {
            editing.current = true;
            setInvalid(false);
            setDraft(e.target.value);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') {
              setDraft(shown(value));
              setInvalid(false);
            }
          }}
        />
      </InputGroup>
      <Field.ErrorText color={{ base: 'red.700', _dark: 'red.300' }}>{message}</Field.ErrorText>
    </Field.Root>
  );
});
