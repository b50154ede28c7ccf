import { Badge, Box, Button, Container, Flex, Heading, Link, type ButtonProps } from '@chakra-ui/react';
import { forwardRef, lazy, Suspense, useEffect, useRef, useState, type ReactNode, type SVGProps } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSignOut } from '../api/auth';
import { useEventStream } from '../api/events';
import { useUnreadCount } from '../api/feed';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/t';
import { ColorModeButton } from './ColorModeButton';

function Svg(props: SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1.375em"
      height="1.375em"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    />
  );
}

const TodayIcon = () => (
  <Svg>
    <circle cx="12" cy="12" r="9" />
    <path d="M8 12.5l2.5 2.5L16 9.5" />
  </Svg>
);
const HabitsIcon = () => (
  <Svg>
    <path d="M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01" />
  </Svg>
);
const CalendarIcon = () => (
  <Svg>
    <rect x="3.5" y="5" width="17" height="15" rx="2" />
    <path d="M3.5 10h17M8 3v4M16 3v4" />
  </Svg>
);
const PeopleIcon = () => (
  <Svg>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 7M18 14.5a6.5 6.5 0 0 1 3.5 5.5" />
  </Svg>
);
const FeedIcon = () => (
  <Svg>
    <path d="M3 12h4l3-8 4 16 3-8h4" />
  </Svg>
);
const MoreIcon = () => (
  <Svg>
    <circle cx="5" cy="12" r="1.25" fill="currentColor" />
    <circle cx="12" cy="12" r="1.25" fill="currentColor" />
    <circle cx="19" cy="12" r="1.25" fill="currentColor" />
  </Svg>
);

interface Destination {
  to: string;
  label: MessageKey;
  icon?: () => ReactNode;
}

/** The screens in the phone's tab bar; the others are under "More" on a phone and in the bar on a wider screen. */
const MAIN: readonly Destination[] = [
  { to: '/', label: 'nav.today', icon: TodayIcon },
  { to: '/habits', label: 'nav.habits', icon: HabitsIcon },
  { to: '/calendar', label: 'nav.calendar', icon: CalendarIcon },
  { to: '/people', label: 'nav.people', icon: PeopleIcon },
  { to: '/feed', label: 'nav.feed', icon: FeedIcon },
];
const MORE: readonly Destination[] = [
  { to: '/achievements', label: 'nav.achievements' },
  { to: '/settings', label: 'nav.settings' },
];

/** Phone: a tab (icon over a small label); from lg: a word in the header's bar. */
const tabStyle = {
  display: 'flex',
  flexDirection: { base: 'column', lg: 'row' },
  alignItems: 'center',
  justifyContent: 'center',
  gap: { base: '0.5', lg: '0' },
  minH: { base: '14', lg: '9' },
  w: { base: 'full', lg: 'auto' },
  px: { base: '1', lg: '2.5' },
  py: { base: '1', lg: '1' },
  rounded: 'md',
  fontWeight: 'medium',
  textStyle: { base: 'xs', lg: 'sm' },
  color: { base: 'fg.muted', lg: 'fg' },
  textDecoration: 'none',
  _hover: { textDecoration: 'none', bg: 'bg.muted' },
  '& svg': { display: { lg: 'none' } },
  '&[aria-current=page], &[data-current]': { color: 'colorPalette.fg', bg: { lg: 'colorPalette.subtle' } },
  '&[aria-current=page] svg, &[data-current] svg': { bg: 'colorPalette.subtle', rounded: 'full' },
} as const;

function NavItem({ to, label, icon: Icon }: Destination) {
  return (
    <Link asChild css={tabStyle}>
      <NavLink to={to} end={to === '/'}>
        {Icon ? <Icon /> : null}
        <span>{t(label)}</span>
      </NavLink>
    </Link>
  );
}

/**
 * On a phone: the screens that do not fit in the tab bar, in a panel above it (a disclosure: the button says whether
 * it is open; Escape or a tap elsewhere closes it).
 */
function MoreMenu() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();
  const current = MORE.some((d) => pathname === d.to || pathname.startsWith(`${d.to}/`));

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector('a')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  return (
    <Box position="relative">
      <Button
        ref={button}
        variant="ghost"
        h="auto"
        css={tabStyle}
        data-current={current ? '' : undefined}
        aria-expanded={open}
        aria-controls="more-screens"
        onClick={() => setOpen((o) => !o)}
      >
        <MoreIcon />
        <span>{t('feed.nav.more')}</span>
      </Button>
      {open ? (
        <Box
          ref={panel}
          id="more-screens"
          position="absolute"
          bottom="calc(100% + 0.75rem)"
          insetEnd="0"
          w="13rem"
          p="2"
          bg="bg.panel"
          borderWidth="1px"
          rounded="lg"
          shadow="lg"
        >
          <Box as="ul" listStyleType="none" m="0" p="0" aria-label={t('feed.nav.moreLabel')}>
            {MORE.map((d) => (
              <li key={d.to}>
                <Link
                  asChild
                  display="block"
                  px="3"
                  py="2.5"
                  rounded="md"
                  fontWeight="medium"
                  color="fg"
                  textDecoration="none"
                  _hover={{ bg: 'bg.muted', textDecoration: 'none' }}
                  css={{ '&[aria-current=page]': { bg: 'colorPalette.subtle', color: 'colorPalette.fg' } }}
                >
                  <NavLink to={d.to} onClick={() => setOpen(false)}>
                    {t(d.label)}
                  </NavLink>
                </Link>
              </li>
            ))}
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}

export const BellIcon = () => (
  <Svg width="1.25em" height="1.25em" strokeWidth={2.25}>
    <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 21h4" />
  </Svg>
);

/** The accessible name of the bell: "Notifications", or "Notifications, 2 unread". */
export function bellLabel(count: number | undefined): string {
  return count ? t('feed.bell.unread', { count }) : t('feed.bell');
}

/** The bell's button with its unread badge; the popover (./Bell, loaded once signed in) wraps it. */
export const BellButton = forwardRef<HTMLButtonElement, ButtonProps & { unread: number }>(function BellButton(
  { unread, ...props },
  ref,
) {
  const label = bellLabel(unread);
  return (
    <Button ref={ref} variant="ghost" size="sm" px="2" position="relative" aria-label={label} title={label} {...props}>
      <BellIcon />
      {unread > 0 ? (
        <Badge
          aria-hidden="true"
          data-testid="bell-badge"
          position="absolute"
          top="-1"
          insetEnd="-1"
          colorPalette="red"
          variant="solid"
          rounded="full"
          minW="5"
          h="5"
          px="1"
          justifyContent="center"
          fontSize="2xs"
        >
          {unread > 99 ? '99+' : unread}
        </Badge>
      ) : null}
    </Button>
  );
});

// the popover and what it shows are not needed on the sign-in page: their own chunk
const Bell = lazy(() => import('./Bell'));

function LazyBell() {
  const count = useUnreadCount();
  return (
    <Suspense fallback={<BellButton unread={count.data ?? 0} />}>
      <Bell />
    </Suspense>
  );
}

/**
 * The frame of the signed-in screens: the app's name, the notification bell, the theme switch and sign-out in the
 * header; the navigation in the header on a wide screen and as a tab bar at the bottom on a phone (Today, Habits,
 * Calendar, People, Feed, and More for Achievements and Settings). Keeps the app's event stream open.
 */
export function Layout() {
  const signOut = useSignOut();
  const navigate = useNavigate();
  useEventStream();
  return (
    <>
      <Link
        href="#main"
        position="absolute"
        left="2"
        top="-12"
        zIndex="skipNav"
        bg="bg"
        px="3"
        py="2"
        _focusVisible={{ top: '2' }}
      >
        {t('app.skipToContent')}
      </Link>
      <Box as="header" borderBottomWidth="1px" bg="bg.subtle">
        <Container maxW="5xl" py="2" px={{ base: '3', sm: '6' }}>
          <Flex align="center" gap={{ base: '1', lg: '4' }}>
            <Heading as="p" size="md" color="colorPalette.fg" flexShrink={0} me={{ base: 'auto', lg: '0' }}>
              {t('app.name')}
            </Heading>
            <Box
              as="nav"
              aria-label={t('nav.label')}
              position={{ base: 'fixed', lg: 'static' }}
              insetX={{ base: '0', lg: 'auto' }}
              bottom={{ base: '0', lg: 'auto' }}
              zIndex={{ base: 'sticky', lg: 'auto' }}
              bg={{ base: 'bg', lg: 'transparent' }}
              borderTopWidth={{ base: '1px', lg: '0' }}
              shadow={{ base: 'sm', lg: 'none' }}
              pb={{ base: 'env(safe-area-inset-bottom)', lg: '0' }}
              flex={{ lg: '1' }}
              css={{ '@media print': { display: 'none' } }}
            >
              <Flex as="ul" listStyleType="none" m="0" p={{ base: '1', lg: '0' }} gap={{ base: '0', lg: '1' }} wrap="nowrap">
                {MAIN.map((d) => (
                  <Box as="li" key={d.to} flex={{ base: '1', lg: 'none' }} minW="0">
                    <NavItem {...d} />
                  </Box>
                ))}
                {MORE.map((d) => (
                  <Box as="li" key={d.to} display={{ base: 'none', lg: 'block' }}>
                    <NavItem {...d} />
                  </Box>
                ))}
                <Box as="li" flex="1" minW="0" display={{ base: 'block', lg: 'none' }}>
                  <MoreMenu />
                </Box>
              </Flex>
            </Box>
            <Flex gap="1" align="center" flexShrink={0}>
              <LazyBell />
              <Box display="contents" css={{ '& > button > span': { display: { base: 'none', sm: 'inline' } } }}>
                <ColorModeButton />
              </Box>
              <Button
                variant="outline"
                size="sm"
                loading={signOut.isPending}
                loadingText={t('nav.signingOut')}
                onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })}
              >
                {t('nav.signOut')}
              </Button>
            </Flex>
          </Flex>
        </Container>
      </Box>
      <Container
        as="main"
        id="main"
        tabIndex={-1}
        maxW="3xl"
        pt="6"
        pb={{ base: 'calc(6rem + env(safe-area-inset-bottom))', lg: '10' }}
        px={{ base: '3', sm: '6' }}
      >
        <Outlet />
      </Container>
    </>
  );
}
