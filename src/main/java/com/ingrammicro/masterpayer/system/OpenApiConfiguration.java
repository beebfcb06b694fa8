package com.ingrammicro.masterpayer.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
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
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
