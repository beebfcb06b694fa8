package com.ingrammicro.masterpayer.cta;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the CTA module ({@code offboarding.cta.*}).
 *
 * @param maxSignedSize the largest signed CTA the API accepts
 * @param consentingParty the legal name of the distributor that consents to the assignment
 * @param requireDigitalSignatures how many valid digital signatures of parties a signed copy needs
 *     (0 takes a scan for the countersigner to judge)
 * @param trustStore a PKCS12 or JKS trust store whose certificates are trusted roots for
 *     signatures, besides the JDK's; none when unset
 * @param trustStorePassword the trust store's password, if it has one
 */
@Validated
@ConfigurationProperties("offboarding.cta")
record CtaProperties(
    @NotNull DataSize maxSignedSize,
    @NotBlank String consentingParty,
    @Min(0) int requireDigitalSignatures,
    Resource trustStore,
    String trustStorePassword) {}
