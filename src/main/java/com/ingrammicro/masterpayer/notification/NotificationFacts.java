package com.ingrammicro.masterpayer.notification;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the mails need to know beyond the offboarding record, from the modules that know it: the
 * issued CTA, how the distributor's access is removed, the journey's open tasks and its deadlines.
 * The process module answers it, as it sees the engine and the other modules.
 */
public interface NotificationFacts {

  /** The Consent to Assignment as issued for the offboarding, as a mail attaches it. */
  Attachment issuedCta(UUID offboardingId);

  /**
   * The e-signature provider ("DocuSign") that sent the offboarding's CTA to its signers; empty
   * when the reseller is to upload the signed CTA.
   */
  Optional<String> eSignatureProvider(UUID offboardingId);

  /**
   * Whether this engine removes the distributor's access itself, once the reseller has deployed the
   * cleanup role; otherwise Ingram IaaS sales remove it by hand.
   */
  boolean removesAccessAutomatically();

  /** The offboarding's task of this definition key, while it is open. */
  Optional<OpenTask> openTask(UUID offboardingId, String taskDefinitionKey);

  /**
   * How long finance waits before checking an outstanding balance again, as people read it ("7
   * days").
   */
  String paymentGracePeriod();

  /**
   * An open task, as a reminder or an escalation names it.
   *
   * @param id the task's id, for the link to Tasklist
   * @param name the diagram's name of the task (the mail's subject names the payer already)
   * @param due null when the task has no due date
   * @param assignee null while nobody has claimed it
   * @param candidateGroup the group that works the task; null when it has none
   */
  record OpenTask(String id, String name, Instant due, String assignee, String candidateGroup) {}
}
