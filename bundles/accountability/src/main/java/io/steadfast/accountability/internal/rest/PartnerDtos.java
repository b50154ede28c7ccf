package io.steadfast.accountability.internal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.steadfast.accountability.internal.service.PartnerService;
import io.steadfast.accountability.internal.service.PartnerViews;
import io.steadfast.habit.api.DayView;
import io.steadfast.habit.api.HabitInfo;
import io.steadfast.habit.dto.ScheduleSpec;
import io.steadfast.streak.api.HabitStatistics;

/** The JSON of the partner endpoints, and the mapping from the services' records. */
public final class PartnerDtos {

    private PartnerDtos() {}

    public record InvitationRequest(String email) {}

    public record PartnerDto(UUID userId, String displayName, Instant since) {
        static PartnerDto of(PartnerService.Partner p) {
            return new PartnerDto(p.userId(), p.displayName(), p.since());
        }
    }

    public record ContactDto(UUID userId, String displayName, String email) {}

    /**
     * @param direction {@code sent} or {@code received}
     * @param email     the invited address (sent invitations)
     * @param from      who sent it (received invitations)
     * @param status    {@code pending}, {@code accepted} or {@code declined}
     */
    public record InvitationDto(
            UUID id,
            String direction,
            String email,
            ContactDto from,
            String status,
            Instant createdAt,
            Instant answeredAt) {
        static InvitationDto of(PartnerService.Invitation i) {
            return new InvitationDto(
                    i.id(),
                    i.direction(),
                    i.email(),
                    i.from() == null
                            ? null
                            : new ContactDto(
                                    i.from().userId(),
                                    i.from().displayName(),
                                    i.from().email()),
                    i.status(),
                    i.createdAt(),
                    i.answeredAt());
        }
    }

    public record InvitationsDto(List<InvitationDto> received, List<InvitationDto> sent) {
        static InvitationsDto of(PartnerService.Invitations i) {
            return new InvitationsDto(
                    i.received().stream().map(InvitationDto::of).toList(),
                    i.sent().stream().map(InvitationDto::of).toList());
        }
    }

    public record InviteCodeDto(String code, Instant expiresAt) {}

    /** What a partner sees of a habit: no goal, no order, no archive flag, never its notes. */
    public record SharedHabitInfo(
            UUID id,
            String name,
            String description,
            String type,
            BigDecimal target,
            String unit,
            ScheduleSpec schedule,
            String color,
            String icon,
            boolean shareNotes) {
        static SharedHabitInfo of(HabitInfo h) {
            return new SharedHabitInfo(
                    h.id(),
                    h.name(),
                    h.description(),
                    h.type(),
                    h.target(),
                    h.unit(),
                    ScheduleSpec.of(h.schedule()),
                    h.color(),
                    h.icon(),
                    h.sharing().shareNotes());
        }
    }

    public record SharedPeriodDto(int done, int times, LocalDate start, LocalDate end) {
        static SharedPeriodDto of(DayView.PeriodView p) {
            return p == null ? null : new SharedPeriodDto(p.done(), p.times(), p.start(), p.end());
        }
    }

    /** A day of a shared habit; {@code note} only where its owner shares notes. */
    public record SharedDayDto(
            LocalDate date,
            boolean due,
            String status,
            BigDecimal value,
            BigDecimal target,
            SharedPeriodDto period,
            String note) {
        static SharedDayDto of(DayView d, String note) {
            return new SharedDayDto(
                    d.date(), d.due(), d.state().json(), d.value(), d.target(), SharedPeriodDto.of(d.period()), note);
        }
    }

    public record SharedStreakDto(int current, int longest, String unit) {}

    public record PartnerHabitDto(
            SharedHabitInfo habit, SharedDayDto today, SharedStreakDto streak, double strength, long doneDays) {
        static PartnerHabitDto of(PartnerViews.SharedHabit s) {
            HabitStatistics.Summary st = s.stats();
            return new PartnerHabitDto(
                    SharedHabitInfo.of(s.habit()),
                    s.today() == null ? null : SharedDayDto.of(s.today(), null),
                    new SharedStreakDto(st.currentStreak(), st.longestStreak(), st.streakUnit()),
                    st.strength(),
                    st.doneDays());
        }
    }

    public record PartnerCalendarDto(SharedHabitInfo habit, LocalDate from, LocalDate to, List<SharedDayDto> days) {
        static PartnerCalendarDto of(PartnerViews.SharedCalendar c) {
            return new PartnerCalendarDto(
                    SharedHabitInfo.of(c.habit()),
                    c.from(),
                    c.to(),
                    c.days().stream()
                            .map(d -> SharedDayDto.of(d.day(), d.note()))
                            .toList());
        }
    }
}
