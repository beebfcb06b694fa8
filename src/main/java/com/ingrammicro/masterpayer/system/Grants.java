package com.ingrammicro.masterpayer.system;

import java.util.Arrays;
import java.util.function.Consumer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.AuthorizationQuery;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Idempotent engine authorizations: it only adds what is missing. Start-up code grants to groups on
 * every boot, on every node; the application grants a user access to one resource when it needs it.
 * Callers run it without an engine authentication, as the engine would otherwise check the caller's
 * own right to change authorizations.
 */
public final class Grants {

  private final AuthorizationService authorizations;

  public Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    grant(
        authorizations.createAuthorizationQuery().groupIdIn(role.groupId()),
        authorization -> authorization.setGroupId(role.groupId()),
        resource,
        resourceId,
        permissions);
  }

  public void grantUser(
      String userId, Resource resource, String resourceId, Permission... permissions) {
    grant(
        authorizations.createAuthorizationQuery().userIdIn(userId),
        authorization -> authorization.setUserId(userId),
        resource,
        resourceId,
        permissions);
  }

  private void grant(
      AuthorizationQuery holderQuery,
      Consumer<Authorization> holder,
      Resource resource,
      String resourceId,
      Permission... permissions) {
    Authorization authorization =
        holderQuery
            .resourceType(resource)
            .resourceId(resourceId)
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .list()
            .stream()
            .findFirst()
            .orElseGet(() -> newGrant(holder, resource, resourceId));
    boolean missing =
        Arrays.stream(permissions)
            .anyMatch(permission -> !authorization.isPermissionGranted(permission));
    if (missing) {
      Arrays.stream(permissions).forEach(authorization::addPermission);
      authorizations.saveAuthorization(authorization);
    }
  }

  private Authorization newGrant(
      Consumer<Authorization> holder, Resource resource, String resourceId) {
    Authorization authorization =
        authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    holder.accept(authorization);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }
}
