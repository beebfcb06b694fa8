package com.ingrammicro.masterpayer.system;

import java.util.Arrays;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;

/**
 * Idempotent engine authorizations for groups: start-up code calls it on every boot, on every node,
 * and it only adds what is missing.
 */
public final class Grants {

  private final AuthorizationService authorizations;

  public Grants(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  public void grant(Role role, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizations.createAuthorizationQuery()
        .groupIdIn(role.groupId())
        .resourceType(resource)
        .resourceId(resourceId)
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .list().stream().findFirst()
        .orElseGet(() -> newGrant(role, resource, resourceId));
    boolean missing = Arrays.stream(permissions).anyMatch(permission -> !authorization.isPermissionGranted(permission));
    if (missing) {
      Arrays.stream(permissions).forEach(authorization::addPermission);
      authorizations.saveAuthorization(authorization);
    }
  }

  private Authorization newGrant(Role role, Resource resource, String resourceId) {
    Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(role.groupId());
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }
}
