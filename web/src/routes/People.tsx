import { Badge, Button, HStack, Heading, Link, Stack, Text, VisuallyHidden } from '@chakra-ui/react';
import { useId } from 'react';
import { NavLink, Outlet, Route, Link as RouterLink, Routes } from 'react-router';
import { useInvitations, useRefereeQueue } from '../api/people';
import { t } from '../i18n/t';
import { GroupPage } from './people/GroupPage';
import { GroupsTab } from './people/GroupsTab';
import { PartnerPage } from './people/PartnerPage';
import { PartnersTab } from './people/PartnersTab';
import { RefereeTab } from './people/RefereeTab';

interface TabProps {
  to: string;
  label: string;
  /** What waits for the user there; shown as a badge and told to screen readers as the link's description. */
  count?: number;
  countLabel?: string;
}

function TabLink({ to, label, count, countLabel }: TabProps) {
  const id = useId();
  return (
    <>
      <Link
        asChild
        fontWeight="medium"
        px="3"
        py="2"
        roundedTop="md"
        borderBottomWidth="3px"
        borderColor="transparent"
        color="fg"
        textDecoration="none"
        flexShrink={0}
        css={{ '&[aria-current=page]': { borderColor: 'colorPalette.solid', color: 'colorPalette.fg' } }}
      >
        <NavLink to={to} end aria-describedby={count ? id : undefined}>
          {label}
          {count ? (
            <Badge colorPalette="teal" variant="solid" ms="1.5" rounded="full" aria-hidden="true">
              {count}
            </Badge>
          ) : null}
        </NavLink>
      </Link>
      {count ? <VisuallyHidden id={id}>{countLabel}</VisuallyHidden> : null}
    </>
  );
}

/** The heading and the section tabs of the People screens; the counts say what waits for the user. */
function PeopleFrame() {
  const invitations = useInvitations();
  const queue = useRefereeQueue();
  const invited = invitations.data?.received.length ?? 0;
  const waiting = queue.data?.length ?? 0;
  return (
    <Stack gap="5">
      <Heading as="h1" size="2xl">
        {t('people.title')}
      </Heading>
      <HStack as="nav" aria-label={t('people.tabs.label')} gap="1" borderBottomWidth="1px" overflowX="auto">
        <TabLink
          to="/people"
          label={t('people.tabs.partners')}
          count={invited}
          countLabel={t('people.tabs.invitationsWaiting', { count: invited })}
        />
        <TabLink to="/people/groups" label={t('people.tabs.groups')} />
        <TabLink
          to="/people/referee"
          label={t('people.tabs.referee')}
          count={waiting}
          countLabel={t('people.tabs.daysWaiting', { count: waiting })}
        />
      </HStack>
      <Outlet />
    </Stack>
  );
}

function PeopleNotFound() {
  return (
    <Stack gap="4" align="start">
      <Heading as="h1" size="xl">
        {t('people.notFound')}
      </Heading>
      <Text>{t('people.notFoundText')}</Text>
      <Button asChild>
        <RouterLink to="/people">{t('people.backToPeople')}</RouterLink>
      </Button>
    </Stack>
  );
}

/**
 * People: partners and invitations (/people), groups (/people/groups), the days to referee (/people/referee); a
 * partner's shared habits (/people/partners/:userId) and a group with its members and challenges (/people/groups/:id).
 */
export default function People() {
  return (
    <Routes>
      <Route element={<PeopleFrame />}>
        <Route index element={<PartnersTab />} />
        <Route path="groups" element={<GroupsTab />} />
        <Route path="referee" element={<RefereeTab />} />
      </Route>
      <Route path="partners/:userId" element={<PartnerPage />} />
      <Route path="groups/:id" element={<GroupPage />} />
      <Route path="*" element={<PeopleNotFound />} />
    </Routes>
  );
}
