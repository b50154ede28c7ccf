import { Badge, Box, Button, Card, Field, Flex, HStack, Link, Stack, Text, Textarea } from '@chakra-ui/react';
import { useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { formErrors } from '../../api/errors';
import { cleanCode, useCreateGroup, useGroups, useJoinGroup, type Group } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpinner } from '../../components/PageSpinner';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n/t';
import { Section } from './shared';

/** The user's role in a group, in words. */
export function roleText(role: string | undefined): string {
  return role === 'owner' ? t('people.groups.owner') : t('people.groups.member');
}

function GroupItem({ group }: { group: Group }) {
  return (
    <Card.Root as="li" size="sm" variant="outline">
      <Card.Body>
        <Flex gap="3" align="center" wrap="wrap">
          <Box flex="1" minW="0">
            <Link asChild fontWeight="semibold" color="colorPalette.fg">
              <RouterLink to={`/people/groups/${group.id}`}>{group.name}</RouterLink>
            </Link>
            {group.description ? (
              <Text textStyle="sm" color="fg.muted" lineClamp={2}>
                {group.description}
              </Text>
            ) : null}
          </Box>
          <HStack gap="2" textStyle="sm" color="fg.muted">
            <Badge colorPalette={group.role === 'owner' ? 'teal' : 'gray'} variant="subtle">
              {roleText(group.role)}
            </Badge>
            <span>{t('people.groups.members', { count: group.memberCount ?? 0 })}</span>
          </HStack>
        </Flex>
      </Card.Body>
    </Card.Root>
  );
}

function CreateGroup() {
  const create = useCreateGroup();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const errors = formErrors(create.error, ['name', 'description'] as const);

  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return setLocalError(t('people.groups.nameRequired'));
    setLocalError(undefined);
    create.mutate(
      { name: trimmed, ...(description.trim() ? { description: description.trim() } : {}) },
      { onSuccess: (group) => group?.id && navigate(`/people/groups/${group.id}`) },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="3" maxW="lg">
        {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
        <TextField
          name="name"
          label={t('people.groups.name')}
          required
          autoComplete="off"
          maxLength={100}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setLocalError(undefined);
          }}
          error={localError ?? errors.fields.name}
        />
        <Field.Root invalid={errors.fields.description !== undefined}>
          <Field.Label>
            {t('people.groups.description')}{' '}
            <Text as="span" color="fg.muted" fontWeight="normal">
              {t('people.optional')}
            </Text>
          </Field.Label>
          <Textarea name="description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
          <Field.ErrorText>{errors.fields.description}</Field.ErrorText>
        </Field.Root>
        <Button type="submit" alignSelf="start" loading={create.isPending} loadingText={t('people.groups.creating')}>
          {t('people.groups.create')}
        </Button>
      </Stack>
    </form>
  );
}

function JoinGroup() {
  const join = useJoinGroup();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [localError, setLocalError] = useState<string | undefined>();
  const errors = formErrors(join.error, ['code'] as const);

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = cleanCode(code);
    if (value === '') return setLocalError(t('people.redeem.required'));
    setLocalError(undefined);
    join.mutate(value, { onSuccess: (group) => group?.id && navigate(`/people/groups/${group.id}`) });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="3" maxW="md">
        <Text color="fg.muted">{t('people.groups.joinText')}</Text>
        {errors.general ? <ErrorAlert>{errors.general}</ErrorAlert> : null}
        <TextField
          name="groupCode"
          label={t('people.groups.code')}
          placeholder={t('people.redeem.placeholder')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setLocalError(undefined);
          }}
          error={localError ?? errors.fields.code}
        />
        <Button type="submit" alignSelf="start" loading={join.isPending} loadingText={t('people.groups.joining')}>
          {t('people.groups.join')}
        </Button>
      </Stack>
    </form>
  );
}

/** The groups tab: the user's groups, a form for a new one, and joining one with a code. */
export function GroupsTab() {
  const groups = useGroups();
  return (
    <Stack gap="8">
      <Section id="groups" title={t('people.groups.title')}>
        <Text color="fg.muted">{t('people.groups.text')}</Text>
        {groups.isPending ? (
          <PageSpinner />
        ) : groups.isError ? (
          <ErrorAlert action={<Button size="sm" onClick={() => groups.refetch()}>{t('people.retry')}</Button>}>
            {t('people.groups.loadFailed', { reason: groups.error.message })}
          </ErrorAlert>
        ) : groups.data.length === 0 ? (
          <Text>{t('people.groups.empty')}</Text>
        ) : (
          <Stack as="ul" gap="2" listStyleType="none" m="0" p="0">
            {groups.data.map((g) => (
              <GroupItem key={g.id} group={g} />
            ))}
          </Stack>
        )}
      </Section>
      <Section id="new-group" title={t('people.groups.new')}>
        <CreateGroup />
      </Section>
      <Section id="join-group" title={t('people.groups.joinTitle')}>
        <JoinGroup />
      </Section>
    </Stack>
  );
}
