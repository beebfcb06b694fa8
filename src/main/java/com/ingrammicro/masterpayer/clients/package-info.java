/**
 * The resellers' API clients (OAuth2 client credentials): administrators register, rotate and
 * revoke them over {@code /api/admin/clients}; the embedded authorization server issues tokens to
 * the active ones, and the API refuses the tokens of a client revoked or rotated since.
 */
@ApplicationModule(allowedDependencies = {"system"})
package com.ingrammicro.masterpayer.clients;

import org.springframework.modulith.ApplicationModule;
