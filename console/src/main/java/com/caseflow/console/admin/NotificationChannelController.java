package com.caseflow.console.admin;

import com.caseflow.console.services.ConfigurationViews.Department;
import com.caseflow.console.services.ServiceProblem;
import com.caseflow.console.services.ServiceUnavailable;
import com.caseflow.console.services.Services;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Each department's notification channel (follow-up's {@code /api/v1/notification-channels}): a WeCom and a DingTalk
 * group robot besides the company's gateway. A robot's URL is its credential and the service shows it masked; the
 * form leaves URL and DingTalk's signing secret blank to keep what is stored, and never shows the secret back.
 */
@Controller
@RequestMapping("/admin/channels")
@PreAuthorize("principal.staff().configuration().administers()")
class NotificationChannelController {

    private static final ParameterizedTypeReference<List<Department>> DEPARTMENTS =
            new ParameterizedTypeReference<>() {
            };

    record WeCom(String webhookUrl) {
    }

    record DingTalk(String webhookUrl, boolean secretSet) {
    }

    /** A department's channels as follow-up answers them (version 0: none stored yet). */
    record Channels(String departmentCode, WeCom wecom, DingTalk dingtalk, long version, String changedBy,
                    Instant changedAt) {
    }

    record ChannelList(List<Channels> channels) {
    }

    /** A line of the list: routing's department with follow-up's channels, if any. */
    record Line(Department department, Channels channels) {
    }

    private final Services services;
    private final MessageSource messages;

    NotificationChannelController(Services services, MessageSource messages) {
        this.services = services;
        this.messages = messages;
    }

    @GetMapping
    String all(Model model) {
        List<Department> departments = services.routing().call(client -> client.get().uri("/api/v1/departments")
                .retrieve().body(DEPARTMENTS));
        ChannelList stored = services.followup().call(client -> client.get().uri("/api/v1/notification-channels")
                .retrieve().body(ChannelList.class));
        Map<String, Channels> byDepartment = stored == null || stored.channels() == null ? Map.of()
                : stored.channels().stream().collect(Collectors.toMap(Channels::departmentCode, Function.identity()));
        model.addAttribute("lines", (departments == null ? List.<Department>of() : departments).stream()
                .map(d -> new Line(d, byDepartment.get(d.code()))).toList());
        return "admin/channels";
    }

    @GetMapping("/{code}")
    String one(@PathVariable String code, Model model) {
        Channels channels = read(code);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("wecomOn", String.valueOf(channels.wecom() != null));
        typed.put("wecomUrl", "");
        typed.put("dingtalkOn", String.valueOf(channels.dingtalk() != null));
        typed.put("dingtalkUrl", "");
        typed.put("dingtalkSecretClear", "false");
        typed.put("expectedVersion", String.valueOf(channels.version()));
        return page(code, channels, typed, model);
    }

    @PostMapping("/{code}")
    String save(@PathVariable String code, @RequestParam Map<String, String> form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (form.containsKey("wecomOn")) {
            Map<String, Object> wecom = new LinkedHashMap<>();
            String url = form.getOrDefault("wecomUrl", "").strip();
            if (!url.isEmpty()) {
                wecom.put("webhookUrl", url);
            }
            body.put("wecom", wecom);
        }
        if (form.containsKey("dingtalkOn")) {
            Map<String, Object> dingtalk = new LinkedHashMap<>();
            String url = form.getOrDefault("dingtalkUrl", "").strip();
            if (!url.isEmpty()) {
                dingtalk.put("webhookUrl", url);
            }
            String secret = form.getOrDefault("dingtalkSecret", "").strip();
            if (form.containsKey("dingtalkSecretClear")) {
                dingtalk.put("secret", "");
            } else if (!secret.isEmpty()) {
                dingtalk.put("secret", secret);
            }
            body.put("dingtalk", dingtalk);
        }
        String version = form.getOrDefault("expectedVersion", "");
        body.put("expectedVersion", version.matches("\\d{1,18}") ? Long.valueOf(version) : null);
        try {
            services.followup().call(client -> client.put().uri("/api/v1/notification-channels/{code}", code)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
            redirect.addFlashAttribute("saved", code);
            return "redirect:/admin/channels";
        } catch (ServiceProblem problem) {
            response.setStatus(problem.conflict() ? HttpStatus.CONFLICT.value()
                    : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("conflict", problem.conflict());
            model.addAttribute("errors", errors(problem));
        } catch (ServiceUnavailable e) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute("unavailable", e.service());
        }
        // the secret typed is not put back: it is write-only, typed again if wanted
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("wecomOn", String.valueOf(form.containsKey("wecomOn")));
        typed.put("wecomUrl", form.getOrDefault("wecomUrl", ""));
        typed.put("dingtalkOn", String.valueOf(form.containsKey("dingtalkOn")));
        typed.put("dingtalkUrl", form.getOrDefault("dingtalkUrl", ""));
        typed.put("dingtalkSecretClear", String.valueOf(form.containsKey("dingtalkSecretClear")));
        typed.put("expectedVersion", version);
        Channels shown;
        try {
            shown = read(code);
        } catch (ServiceUnavailable e) {
            shown = new Channels(code, null, null, 0, null, null);
        }
        return page(code, shown, typed, model);
    }

    private String page(String code, Channels channels, Map<String, String> typed, Model model) {
        model.addAttribute("code", code);
        model.addAttribute("channels", channels);
        model.addAttribute("typed", typed);
        return "admin/channel";
    }

    private Channels read(String code) {
        return services.followup().call(client -> client.get().uri("/api/v1/notification-channels/{code}", code)
                .retrieve().body(Channels.class));
    }

    /** Follow-up's refusal, field by field, in the console's words: what is wrong is told by what follow-up said. */
    private Map<String, String> errors(ServiceProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ServiceProblem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String said = error.message() == null ? "" : error.message();
            String key = switch (field) {
                case "wecom.webhookUrl", "dingtalk.webhookUrl" -> said.startsWith("required") ? "required"
                        : said.contains("must be https") ? "host" : said.contains("path") ? "path"
                        : said.contains("names the robot") ? "robot" : "url";
                case "dingtalk.secret" -> "secret";
                default -> null;
            };
            if (key == null) {
                errors.merge("_form", message("admin.channels.error.form"), (a, b) -> a);
            } else {
                String vendor = message(field.startsWith("wecom") ? "admin.channels.wecom" : "admin.channels.dingtalk");
                errors.putIfAbsent(field, message("admin.channels.error." + key, vendor,
                        field.startsWith("wecom") ? "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
                                : "oapi.dingtalk.com/robot/send?access_token=…"));
            }
        }
        if (errors.isEmpty() && !problem.conflict()) {
            errors.put("_form", message("admin.channels.error.form"));
        }
        return errors;
    }

    private String message(String key, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, args, locale);
    }
}
