import { Button, Checkbox, CheckboxGroup, Field, Fieldset, NativeSelect, Stack, Textarea } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { formErrors } from '../../api/errors';
import type { Channel, ChannelField, ChannelType } from '../../api/settings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/t';
import { EVENTS, eventLabel } from './events';

/** What the server shows in place of a secret. */
export const MASK = '********';

export type FieldValue = string | boolean | string[];
export type FieldValues = Record<string, FieldValue>;

/** The choices of a field that is one of a list, if its type gives them. */
function choicesOf(field: ChannelField): string[] | undefined {
  const list = field.options ?? field.enum;
  return Array.isArray(list) && list.length > 0 ? list.map(String) : undefined;
}

function isList(field: ChannelField) {
  return field.type === 'string_list' || field.type === 'array';
}

/** The form's values for a type's fields: empty, or a channel's settings (its secrets left empty). Pure. */
export function initialValues(fields: readonly ChannelField[], config?: Record<string, unknown>): FieldValues {
  const values: FieldValues = {};
  for (const f of fields) {
    const name = f.name ?? '';
    const v = config?.[name];
    if (f.type === 'boolean') values[name] = v === true;
    else if (isList(f)) values[name] = Array.isArray(v) ? v.map(String) : [];
    else if (f.secret || v === undefined || v === null) values[name] = '';
    else values[name] = String(v);
  }
  return values;
}

function listOf(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * The `config` to send for the form's values, and the fields the form itself refuses (a number that is not whole).
 * When `editing`, an empty secret is left out (the server keeps it) and an emptied optional setting is `null`
 * (the server removes it). Pure.
 */
export function configOf(
  fields: readonly ChannelField[],
  values: FieldValues,
  editing: boolean,
  saved?: Record<string, unknown>,
): { config: Record<string, unknown>; invalid: Record<string, string> } {
  const config: Record<string, unknown> = {};
  const invalid: Record<string, string> = {};
  for (const f of fields) {
    const name = f.name ?? '';
    const value = values[name];
    const wasSet = saved?.[name] !== undefined && saved?.[name] !== null;
    if (f.type === 'boolean') {
      config[name] = value === true;
      continue;
    }
    if (Array.isArray(value)) {
      if (value.length > 0) config[name] = value;
      else if (editing && wasSet) config[name] = null;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (editing && wasSet && !f.secret) config[name] = null;
      continue;
    }
    if (f.type === 'integer' || f.type === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n) || (f.type === 'integer' && !Number.isInteger(n))) {
        invalid[name] = f.type === 'integer' ? t('settings.channels.form.wholeNumber') : t('settings.channels.form.number');
        continue;
      }
      config[name] = n;
      continue;
    }
    config[name] = text;
  }
  return { config, invalid };
}

function inputType(field: ChannelField): string {
  if (field.secret) return 'password';
  if (field.type === 'url') return 'url';
  if (field.type === 'email') return 'email';
  return 'text';
}

interface FieldProps {
  field: ChannelField;
  value: FieldValue;
  onChange: (v: FieldValue) => void;
  error: string | undefined;
  editing: boolean;
  /** Whether the channel being edited has this secret set. */
  secretSet: boolean;
}

function ConfigField({ field, value, onChange, error, editing, secretSet }: FieldProps) {
  const name = field.name ?? '';
  const label = field.label || name;
  const required = field.required === true && !(editing && field.secret && secretSet);
  const description = field.description;

  if (field.type === 'boolean') {
    return (
      <Field.Root invalid={error !== undefined}>
        <Checkbox.Root checked={value === true} onCheckedChange={(e) => onChange(e.checked === true)} name={name}>
          <Checkbox.HiddenInput />
          <Checkbox.Control />
          <Checkbox.Label>{label}</Checkbox.Label>
        </Checkbox.Root>
        {description && !error ? <Field.HelperText>{description}</Field.HelperText> : null}
        <Field.ErrorText>{error}</Field.ErrorText>
      </Field.Root>
    );
  }

  if (isList(field) && name === 'events') {
    const chosen = Array.isArray(value) ? value : [];
    const others = chosen.filter((e) => !(EVENTS as readonly string[]).includes(e));
    return (
      <Fieldset.Root invalid={error !== undefined}>
        <Fieldset.Legend fontWeight="medium">{label}</Fieldset.Legend>
        {description ? <Fieldset.HelperText>{description}</Fieldset.HelperText> : null}
        <CheckboxGroup value={chosen} onValueChange={(v) => onChange(v)} name={name}>
          <Stack gap="2" mt="2">
            {[...EVENTS, ...others].map((event) => (
              <Checkbox.Root key={event} value={event}>
                <Checkbox.HiddenInput />
                <Checkbox.Control />
                <Checkbox.Label>{eventLabel(event)}</Checkbox.Label>
              </Checkbox.Root>
            ))}
          </Stack>
        </CheckboxGroup>
        <Fieldset.ErrorText>{error}</Fieldset.ErrorText>
      </Fieldset.Root>
    );
  }

  if (isList(field)) {
    return (
      <Field.Root invalid={error !== undefined} required={required}>
        <Field.Label>
          {label}
          <Field.RequiredIndicator />
        </Field.Label>
        <Textarea
          name={name}
          value={Array.isArray(value) ? value.join('\n') : ''}
          onChange={(e) => onChange(listOf(e.target.value))}
          rows={3}
        />
        {!error ? (
          <Field.HelperText>
            {description ? `${description} ` : ''}
            {t('settings.channels.form.listHint')}
          </Field.HelperText>
        ) : null}
        <Field.ErrorText>{error}</Field.ErrorText>
      </Field.Root>
    );
  }

  const choices = choicesOf(field);
  if (choices) {
    return (
      <Field.Root invalid={error !== undefined} required={required}>
        <Field.Label>
          {label}
          <Field.RequiredIndicator />
        </Field.Label>
        <NativeSelect.Root>
          <NativeSelect.Field name={name} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)}>
            {required ? null : <option value="">{t('settings.channels.form.none')}</option>}
            {required && value === '' ? <option value="">{t('settings.channels.form.choose')}</option> : null}
            {choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </NativeSelect.Field>
          <NativeSelect.Indicator />
        </NativeSelect.Root>
        {description && !error ? <Field.HelperText>{description}</Field.HelperText> : null}
        <Field.ErrorText>{error}</Field.ErrorText>
      </Field.Root>
    );
  }

  const hint = [description, editing && field.secret && secretSet ? t('settings.channels.form.secretKept') : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <TextField
      name={name}
      label={label}
      type={inputType(field)}
      inputMode={field.type === 'integer' ? 'numeric' : field.type === 'number' ? 'decimal' : undefined}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      hint={hint || undefined}
      required={required}
      autoComplete={field.secret ? 'new-password' : 'off'}
      spellCheck={false}
    />
  );
}

interface Props {
  type: ChannelType;
  /** The channel being edited; a new channel of `type` when undefined. */
  channel?: Channel | undefined;
  pending: boolean;
  error: unknown;
  onSubmit: (name: string, config: Record<string, unknown>) => void;
  onCancel: () => void;
}

/** A channel's name and the settings its type asks for, generated from the type's field list. */
export function ChannelForm({ type, channel, pending, error, onSubmit, onCancel }: Props) {
  const fields = (type.config ?? []).filter((f) => f.name);
  const editing = channel !== undefined;
  const [name, setName] = useState(channel?.name ?? '');
  const [values, setValues] = useState<FieldValues>(() => initialValues(fields, channel?.config));
  const [invalid, setInvalid] = useState<Record<string, string>>({});
  const names = ['name', 'type', ...fields.map((f) => `config.${f.name}`)];
  const errors = formErrors(error, names);
  const typeName = type.name || type.key || '';

  function submit(e: FormEvent) {
    e.preventDefault();
    const result = configOf(fields, values, editing, channel?.config);
    setInvalid(result.invalid);
    if (Object.keys(result.invalid).length > 0) return;
    onSubmit(name.trim(), result.config);
  }

  const title = editing
    ? t('settings.channels.form.editTitle', { name: channel?.name || typeName })
    : t('settings.channels.form.newTitle', { type: typeName });
  return (
    <form onSubmit={submit} noValidate aria-label={title}>
      <Stack gap="4">
        {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
        {errors.fields.type ? <ErrorAlert>{errors.fields.type}</ErrorAlert> : null}
        <TextField
          name="name"
          label={t('settings.channels.form.name')}
          hint={t('settings.channels.form.nameHint')}
          placeholder={typeName}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
          maxLength={100}
        />
        {fields.map((f) => {
          const key = f.name ?? '';
          const saved = channel?.config?.[key];
          return (
            <ConfigField
              key={key}
              field={f}
              value={values[key] ?? ''}
              onChange={(v) => setValues((all) => ({ ...all, [key]: v }))}
              error={invalid[key] ?? errors.fields[`config.${key}`]}
              editing={editing}
              secretSet={saved !== undefined && saved !== null && saved !== ''}
            />
          );
        })}
        <Stack direction="row" gap="3" wrap="wrap">
          <Button type="submit" loading={pending} loadingText={t('settings.saving')}>
            {editing ? t('settings.channels.form.save') : t('settings.channels.form.create')}
          </Button>
          <Button variant="outline" onClick={onCancel} disabled={pending}>
            {t('settings.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
