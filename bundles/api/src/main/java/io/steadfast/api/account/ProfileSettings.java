package io.steadfast.api.account;

import java.time.DayOfWeek;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sets a user's account settings for another bundle: an import of Steadfast's own export restores the time zone,
 * the first day of the week and the hour the day starts that the other server had. Provided by the identity
 * bundle; the same rules as the user's own change of the profile.
 *
 * @since 1.6
 */
@ProviderType
public interface ProfileSettings {

    /**
     * Sets the settings given; a {@code null} one is left as it is.
     *
     * @param timezone    an IANA zone id
     * @param weekStart   Monday or Sunday
     * @param dayStartsAt the hour (0–6) the user's day begins
     * @throws io.steadfast.api.error.ValidationException a setting this server does not take, naming it
     * @throws io.steadfast.api.error.NotFoundException   no such user
     */
    void restore(UUID userId, String timezone, DayOfWeek weekStart, Integer dayStartsAt);
}
