package io.steadfast.habit.internal.store;

/**
 * The outcome of an increment.
 *
 * @param row         the day's record after the (first) increment
 * @param replayed    true when the idempotency key had been used: nothing was added
 * @param requestHash the hash of the request the key was first used with
 */
public record IncrementResult(CheckinRow row, boolean replayed, String requestHash) {}
