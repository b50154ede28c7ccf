/** The rules of accountability in plain Java (no OSGi, no persistence): invite codes and email addresses. */
package io.steadfast.accountability.internal.domain;
