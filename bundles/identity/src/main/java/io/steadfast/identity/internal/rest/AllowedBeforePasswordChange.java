package io.steadfast.identity.internal.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method the password change session of a temporary password may call ({@link PasswordChangeGate}):
 * changing the password and logging out. Every other method answers it 403.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface AllowedBeforePasswordChange {}
