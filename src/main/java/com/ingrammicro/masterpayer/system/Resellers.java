package com.ingrammicro.masterpayer.system;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/** Resellers are Camunda tenants: the tenant id is the reseller id, its name the company name. */
@Component
public class Resellers {

  private final IdentityService identityService;

  Resellers(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Whether the identity store knows the reseller. */
  public boolean exists(String resellerId) {
    return identityService.createTenantQuery().tenantId(resellerId).count() > 0;
  }

  /** The reseller's company name, or its id when the identity store has no name for it. */
  public String displayName(String resellerId) {
    Tenant tenant = identityService.createTenantQuery().tenantId(resellerId).singleResult();
    return tenant == null || tenant.getName() == null || tenant.getName().isBlank()
        ? resellerId
        : tenant.getName();
  }
}
