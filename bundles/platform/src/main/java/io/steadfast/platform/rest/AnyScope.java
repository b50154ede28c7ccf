package io.steadfast.platform.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method any authenticated token may call, whatever its scopes — for what a token does to itself
 * (logging out, revoking itself): a read-only token must be able to end its own life. Without it, reads need the
 * {@code read} scope and writes {@code write}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AnyScope {}
