/**
 * Mail to the parties of an offboarding: which notification says what to whom (templates,
 * recipients, attachments), sending over SMTP (or to a drop folder locally), and a record of every
 * mail sent. What a mail needs from the rest of the journey comes through {@link
 * NotificationFacts}.
 */
@ApplicationModule(allowedDependencies = {"offboarding", "system"})
package com.ingrammicro.masterpayer.notification;

import org.springframework.modulith.ApplicationModule;
