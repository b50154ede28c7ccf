/** The media bundle's REST resources and their DTOs: uploads, lists, avatars and the signed media route. */
package io.steadfast.media.internal.rest;
