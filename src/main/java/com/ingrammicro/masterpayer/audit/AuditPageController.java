package com.ingrammicro.masterpayer.audit;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit page for people: a static page ({@code static/audit}) on top of the audit API. */
@Controller
class AuditPageController {

  @GetMapping("/audit")
  String page() {
    return "redirect:/audit/";
  }

  @GetMapping("/audit/")
  String index() {
    return "forward:/audit/index.html";
  }
}
