package io.steadfast.platform.internal.limit;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.steadfast.api.limit.Limits;

/** The per-user limits ({@link Limits}); each at least 1. */
@ObjectClassDefinition(
        name = "Steadfast limits",
        description = "The most a user may have of what they make; past it a request answers 422 limit-reached")
public @interface LimitsConfig {

    @AttributeDefinition(name = "Habits per user", description = "Archived habits included")
    int habits() default 500;

    @AttributeDefinition(name = "Personal access tokens per user", description = "Not revoked, not expired")
    int tokens() default 50;

    @AttributeDefinition(
            name = "Open sessions per user",
            description = "A sign-in past this ends the user's least recently used session")
    int sessions() default 100;

    @AttributeDefinition(name = "Reminders per habit")
    int remindersPerHabit() default 10;

    @AttributeDefinition(name = "Notification channels per user", description = "The in-app channel included")
    int channels() default 20;

    @AttributeDefinition(name = "Groups per user", description = "Made or joined")
    int groups() default 50;

    @AttributeDefinition(name = "Open partner invitations per user", description = "Sent and not yet answered")
    int invitations() default 50;

    @AttributeDefinition(name = "Partners per user")
    int partners() default 100;

    @AttributeDefinition(name = "Vacations per user", description = "Planned and past")
    int vacations() default 200;
}
