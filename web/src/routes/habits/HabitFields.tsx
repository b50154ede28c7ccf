import {
  Box,
  Checkbox,
  Field,
  Fieldset,
  HStack,
  NativeSelect,
  RadioCard,
  SimpleGrid,
  Text,
  Textarea,
} from '@chakra-ui/react';
import type { HabitType } from '../../api/habits';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/t';
import { typeTraits, type FieldErrors, type HabitFormState } from './form';
import { RemindersField, type ReminderErrors } from './RemindersField';
import { ScheduleField } from './ScheduleField';
import { SharingFields } from './SharingFields';
import { ColorField, IconField } from './SwatchField';

/** The kinds of habit the form offers, as loaded from GET /habit-types. */
export interface KindsState {
  types: readonly HabitType[];
  /** Kinds the user's habits have that the server does not run now (shown, but not to choose). */
  unavailable: readonly string[];
  error?: string | undefined;
}

/** The name of a habit type: the server's, or the built-in one's, or its key. */
export function typeName(type: string | undefined, types: readonly HabitType[]): string {
  const info = types.find((x) => x.key === type);
  if (info?.name) return info.name;
  if (type === 'boolean' || type === 'count' || type === 'limit') return t(`habits.type.${type}`);
  return type ?? '';
}

const optional = () => (
  <Text as="span" color="fg.muted" fontWeight="normal">
    {' '}
    {t('habits.optional')}
  </Text>
);

function KindField({
  value,
  onChange,
  kinds,
  error,
}: {
  value: string;
  onChange: (type: string) => void;
  kinds: KindsState;
  error: string | undefined;
}) {
  const listed = kinds.types.filter((x) => x.key);
  return (
    <Fieldset.Root invalid={error !== undefined}>
      <Fieldset.Legend>{t('habits.type')}</Fieldset.Legend>
      {kinds.error ? <ErrorAlert>{t('habits.typesFailed', { reason: kinds.error })}</ErrorAlert> : null}
      {listed.length === 0 && !kinds.error ? <Text color="fg.muted">{t('habits.editLoading')}</Text> : null}
      <RadioCard.Root value={value} onValueChange={(e) => e.value && onChange(e.value)} size="sm" variant="outline">
        <SimpleGrid columns={{ base: 1, sm: 2 }} gap="2">
          {listed.map((x) => (
            <RadioCard.Item key={x.key} value={x.key!}>
              <RadioCard.ItemHiddenInput />
              <RadioCard.ItemControl>
                <RadioCard.ItemContent>
                  <RadioCard.ItemText>{typeName(x.key, kinds.types)}</RadioCard.ItemText>
                  {x.description ? (
                    <RadioCard.ItemDescription color="fg.muted" opacity="1">{x.description}</RadioCard.ItemDescription>
                  ) : null}
                </RadioCard.ItemContent>
                <RadioCard.ItemIndicator />
              </RadioCard.ItemControl>
            </RadioCard.Item>
          ))}
          {kinds.unavailable.map((key) => (
            <RadioCard.Item key={key} value={key} disabled>
              <RadioCard.ItemHiddenInput />
              <RadioCard.ItemControl>
                <RadioCard.ItemContent>
                  <RadioCard.ItemText>{t('habits.type.unavailable', { type: key })}</RadioCard.ItemText>
                </RadioCard.ItemContent>
                <RadioCard.ItemIndicator />
              </RadioCard.ItemControl>
            </RadioCard.Item>
          ))}
        </SimpleGrid>
      </RadioCard.Root>
      <Fieldset.ErrorText>{error}</Fieldset.ErrorText>
    </Fieldset.Root>
  );
}

function GoalFields({ value, onChange, errors }: Omit<Props, 'mode' | 'kinds' | 'weekStart'>) {
  return (
    <Fieldset.Root invalid={errors.goal !== undefined}>
      <Fieldset.Legend>{t('habits.goal')}</Fieldset.Legend>
      <Checkbox.Root checked={value.goalOn} onCheckedChange={(e) => onChange({ goalOn: e.checked === true })}>
        <Checkbox.HiddenInput />
        <Checkbox.Control />
        <Checkbox.Label>{t('habits.goal.on')}</Checkbox.Label>
      </Checkbox.Root>
      {value.goalOn ? (
        <HStack gap="3" align="start" wrap="wrap">
          <Field.Root invalid={errors['goal.direction'] !== undefined} w="auto">
            <Field.Label>{t('habits.goal.direction')}</Field.Label>
            <NativeSelect.Root w="10rem">
              <NativeSelect.Field
                value={value.goalDirection}
                onChange={(e) => onChange({ goalDirection: e.target.value === 'up' ? 'up' : 'down' })}
              >
                <option value="down">{t('habits.goal.down')}</option>
                <option value="up">{t('habits.goal.up')}</option>
              </NativeSelect.Field>
              <NativeSelect.Indicator />
            </NativeSelect.Root>
            <Field.ErrorText>{errors['goal.direction']}</Field.ErrorText>
          </Field.Root>
          <Box w="9rem">
            <TextField
              name="goalValue"
              label={t('habits.goal.value')}
              inputMode="decimal"
              value={value.goalValue}
              onChange={(e) => onChange({ goalValue: e.target.value })}
              error={errors['goal.value']}
            />
          </Box>
          <Box w="11rem">
            <TextField
              name="goalBy"
              type="date"
              label={t('habits.goal.by')}
              value={value.goalBy}
              onChange={(e) => onChange({ goalBy: e.target.value })}
              error={errors['goal.by']}
            />
          </Box>
        </HStack>
      ) : null}
      <Fieldset.ErrorText>{errors.goal}</Fieldset.ErrorText>
    </Fieldset.Root>
  );
}

interface Props {
  mode: 'create' | 'edit';
  value: HabitFormState;
  onChange: (patch: Partial<HabitFormState>) => void;
  errors: FieldErrors;
  kinds: KindsState;
  weekStart: string | undefined;
}

/** The name, the kind, the target and unit, and the schedule: what every habit needs. */
export function EssentialFields({ mode, value, onChange, errors, kinds, weekStart }: Props) {
  const traits = typeTraits(value.type, kinds.types);
  return (
    <>
      <TextField
        name="name"
        label={t('habits.name')}
        required
        autoComplete="off"
        value={value.name}
        onChange={(e) => onChange({ name: e.target.value })}
        error={errors.name}
      />
      {mode === 'create' ? (
        <KindField
          value={value.type}
          onChange={(type) => onChange({ type, unit: '' })}
          kinds={kinds}
          error={errors.type}
        />
      ) : (
        <Box>
          <Text fontWeight="medium" textStyle="sm">
            {t('habits.type')}
          </Text>
          <Text>{typeName(value.type, kinds.types)}</Text>
          <Text color="fg.muted" textStyle="sm">
            {t('habits.type.fixed')}
          </Text>
        </Box>
      )}
      {traits.needsTarget || traits.hasUnit ? (
        <HStack gap="3" align="start" wrap={{ base: 'wrap', sm: 'nowrap' }}>
          {traits.needsTarget ? (
            <TextField
              name="target"
              label={t(value.type === 'limit' ? 'habits.target.limit' : 'habits.target')}
              inputMode="decimal"
              required
              value={value.target}
              onChange={(e) => onChange({ target: e.target.value })}
              error={errors.target}
            />
          ) : null}
          {traits.hasUnit ? (
            <TextField
              name="unit"
              label={
                <>
                  {t('habits.unit')}
                  {optional()}
                </>
              }
              placeholder={traits.defaultUnit}
              value={value.unit}
              onChange={(e) => onChange({ unit: e.target.value })}
              hint={traits.defaultUnit ? t('habits.unitHint', { unit: traits.defaultUnit }) : undefined}
              error={errors.unit}
            />
          ) : null}
        </HStack>
      ) : null}
      <ScheduleField value={value} onChange={onChange} errors={errors} weekStart={weekStart} />
    </>
  );
}

/** Everything else a habit may have: description, start date, goal, colour, icon, reminders, sharing, referee. */
export function MoreFields(
  props: Props & {
    reminderErrors: Record<string, ReminderErrors>;
    remindersLoading?: boolean;
    remindersError?: string | undefined;
  },
) {
  const { value, onChange, errors, kinds, weekStart } = props;
  const traits = typeTraits(value.type, kinds.types);
  return (
    <>
      <Field.Root invalid={errors.description !== undefined}>
        <Field.Label>
          {t('habits.description')}
          {optional()}
        </Field.Label>
        <Textarea
          name="description"
          rows={2}
          autoresize
          value={value.description}
          onChange={(e) => onChange({ description: e.target.value })}
        />
        <Field.ErrorText>{errors.description}</Field.ErrorText>
      </Field.Root>
      <Box maxW="16rem">
        <TextField
          name="startDate"
          type="date"
          label={t('habits.startDate')}
          value={value.startDate}
          onChange={(e) => onChange({ startDate: e.target.value })}
          hint={props.mode === 'create' ? t('habits.startDateHint') : undefined}
          error={errors.startDate}
        />
      </Box>
      {traits.hasGoal ? <GoalFields value={value} onChange={onChange} errors={errors} /> : null}
      <ColorField value={value.color} onChange={(color) => onChange({ color })} error={errors.color} />
      <IconField value={value.icon} onChange={(icon) => onChange({ icon })} error={errors.icon} />
      <RemindersField
        value={value.reminders}
        onChange={(reminders) => onChange({ reminders })}
        errors={props.reminderErrors}
        weekStart={weekStart}
        loading={props.remindersLoading}
        loadError={props.remindersError}
      />
      <SharingFields value={value} onChange={onChange} errors={errors} />
    </>
  );
}
