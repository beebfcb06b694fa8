package com.ingrammicro.masterpayer.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of the reseller API at {@code /v3/api-docs}. */
@Configuration
class OpenApiConfiguration {

  @Bean
  OpenAPI offboardingOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Master Payer Offboarding API")
                .version("1")
                .description(
                    "Resellers start and follow the unlinking of their AWS Master Payer accounts from "
                        + "Ingram Micro. Errors are RFC 9457 problem details (application/problem+json)."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "reseller",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description(
                            "Resellers: a bearer token of their API client (client credentials"
                                + " grant); reading needs offboardings:read, changing"
                                + " offboardings:write")
                        .flows(
                            new OAuthFlows()
                                .clientCredentials(
                                    new OAuthFlow()
                                        .tokenUrl("/oauth2/token")
                                        .scopes(
                                            new Scopes()
                                                .addString(
                                                    ApiTokens.READ,
                                                    "read the reseller's offboardings")
                                                .addString(
                                                    ApiTokens.WRITE,
                                                    "start, sign and withdraw offboardings")))))
                .addSecuritySchemes(
                    "staff",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("Staff's scripts: HTTP Basic with their user's password")))
        .addSecurityItem(new SecurityRequirement().addList("reseller"))
        .addSecurityItem(new SecurityRequirement().addList("staff"));
  }
}
