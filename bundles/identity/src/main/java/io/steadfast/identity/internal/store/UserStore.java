package io.steadfast.identity.internal.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import io.steadfast.storage.DuplicateKeyException;

/** Accounts. */
@ProviderType
public interface UserStore {

    /** Stores a new account; exactly one of two concurrent creates with the same email succeeds. */
    UserRow create(UserRow user) throws DuplicateKeyException;

    Optional<UserRow> find(UUID id);

    Optional<UserRow> findByEmail(String email);

    /**
     * Writes display name, timezone, week start, day start, role, alerts and {@code updatedAt}; returns the stored
     * row, {@code null} when there is no such account.
     */
    UserRow updateProfile(UserRow user);

    /**
     * Sets the password hash and whether it must be changed at the next sign-in; {@code at} (from the platform's
     * clock) becomes the user's {@code updatedAt}.
     */
    void updatePassword(UUID id, String passwordHash, boolean changeRequired, java.time.Instant at);

    /**
     * Changes the email (stored as given, trimmed; unique in its normalised form); the stored row, empty when there
     * is no such account.
     */
    Optional<UserRow> updateEmail(UUID id, String email, java.time.Instant at) throws DuplicateKeyException;

    /**
     * Records that every credential of the account was revoked at once (a password change or reset, sign out
     * everywhere, an operator's revoke): the account's credential epoch moves on, and what other bundles keep as
     * credentials (the calendar feed URL) made in an earlier epoch stops working.
     */
    void credentialsRevoked(UUID id);

    /** The account's credential epoch: 0 until its credentials are first all revoked; 0 for no such account. */
    long credentialsEpoch(UUID id);

    /** Up to {@code limit} emails that start with {@code prefix} (case-insensitively), in order: for completion. */
    List<String> emailsStartingWith(String prefix, int limit);

    /** Deletes the account and, by cascade, everything it owns. */
    boolean delete(UUID id);

    long count();

    List<UserRow> list(int offset, int limit);

    /**
     * The accounts whose email or display name contains {@code query} (in any case), oldest first; {@code query}
     * is matched literally ({@code %} and {@code _} are no wildcards).
     */
    List<UserRow> search(String query, int offset, int limit);

    /** How many accounts {@link #search} finds. */
    long countMatching(String query);

    /**
     * Disables the account from {@code at} ({@code null}: enables it again); the stored row, empty when there is no
     * such account. Changes nothing else (not {@code updatedAt}: the profile is the same).
     */
    Optional<UserRow> setDisabled(UUID id, java.time.Instant at);
}
