package com.ingrammicro.masterpayer.system;

import java.util.Arrays;
import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * The groups of Camunda's identity store that mean something to this application. The group id is
 * the contract shared by BPMN candidate groups, Tasklist filters and engine authorizations.
 */
public enum Role {
  RESELLER("resellers", "Resellers", Groups.GROUP_TYPE_WORKFLOW),
  IAAS_SALES("iaas-sales", "Ingram IaaS sales", Groups.GROUP_TYPE_WORKFLOW),
  FINANCE("finance", "Ingram finance", Groups.GROUP_TYPE_WORKFLOW),
  AUDITOR("auditors", "Auditors", Groups.GROUP_TYPE_WORKFLOW),
  ADMIN(Groups.CAMUNDA_ADMIN, "Camunda administrators", Groups.GROUP_TYPE_SYSTEM);

  private final String groupId;
  private final String groupName;
  private final String groupType;

  Role(String groupId, String groupName, String groupType) {
    this.groupId = groupId;
    this.groupName = groupName;
    this.groupType = groupType;
  }

  public String groupId() {
    return groupId;
  }

  String groupName() {
    return groupName;
  }

  String groupType() {
    return groupType;
  }

  /** The Spring Security authority of this role, as {@code hasRole(name())} expects it. */
  public String authority() {
    return "ROLE_" + name();
  }

  public static Optional<Role> ofGroup(String groupId) {
    return Arrays.stream(values()).filter(role -> role.groupId.equals(groupId)).findFirst();
  }
}
