import { Field, Input, type InputProps } from '@chakra-ui/react';
import type { ReactNode } from 'react';

export interface TextFieldProps extends Omit<InputProps, 'name'> {
  name: string;
  label: ReactNode;
  /** The server's message for this field; shown under it and tied to the input (aria-describedby). */
  error?: string | undefined;
  hint?: ReactNode;
}

/** A labelled input with its hint and its error next to it. */
export function TextField({ name, label, error, hint, required, ...input }: TextFieldProps) {
  return (
    <Field.Root invalid={error !== undefined} required={required}>
      <Field.Label>
        {label}
        <Field.RequiredIndicator />
      </Field.Label>
      <Input name={name} {...input} />
      {hint && !error ? <Field.HelperText>{hint}</Field.HelperText> : null}
      <Field.ErrorText>{error}</Field.ErrorText>
    </Field.Root>
  );
}
