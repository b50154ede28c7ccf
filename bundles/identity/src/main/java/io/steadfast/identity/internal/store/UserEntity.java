package io.steadfast.identity.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

@Entity(name = "User")
@Table(name = "app_user")
public class UserEntity {

    @Id
    @Column(name = "id", length = 36)
    String id;

    @Column(name = "email", nullable = false)
    String email;

    @Column(name = "email_normalized", nullable = false)
    String emailNormalized;

    @Column(name = "display_name", nullable = false)
    String displayName;

    @Column(name = "password_hash", nullable = false)
    String passwordHash;

    @Column(name = "timezone", nullable = false)
    String timezone;

    @Column(name = "week_start", nullable = false)
    String weekStart;

    @Column(name = "day_starts_at", nullable = false)
    int dayStartsAt;

    @Column(name = "role", nullable = false)
    String role;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    @Column(name = "credentials_epoch", nullable = false)
    long credentialsEpoch;

    @Column(name = "password_change_required", nullable = false)
    boolean passwordChangeRequired;

    @Column(name = "alert_partner_missed", nullable = false)
    boolean alertPartnerMissed;

    /** A local time {@code HH:mm}, or null: off. */
    @Column(name = "alert_streak_at_risk", length = 5)
    String alertStreakAtRisk;

    /** When an operator disabled the account, or null: enabled. */
    @Column(name = "disabled_at")
    LocalDateTime disabledAt;
}
