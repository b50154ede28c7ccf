/** Imports as the service, the resource and the store speak of them: plain records, no persistence, no HTTP. */
package io.steadfast.transfer.internal.domain;
