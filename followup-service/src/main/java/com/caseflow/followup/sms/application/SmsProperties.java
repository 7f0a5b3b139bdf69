package com.caseflow.followup.sms.application;

import com.caseflow.followup.sms.domain.SmsTemplate;
import com.caseflow.followup.sms.domain.SmsTexts;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code caseflow.sms}: text messages to customers when their case opens and when it is resolved.
 *
 * @param gatewayUrl          the SMS gateway that takes a message by POST; blank: messages wait as PENDING and health
 *                            says so
 * @param secret              signs each request to the gateway and checks its replies (HMAC-SHA256); blank: replies
 *                            are all refused
 * @param company             the signature of every text (【…】)
 * @param templates           the texts by template ({@code case-opened}, {@code case-resolved}), with
 *                            {@code {company}}, {@code {caseNumber}}, {@code {department}}; defaults below
 * @param departments         department code → the name customers read (follow-up has no copy of routing's registry)
 * @param otherDepartment     the name for a department not listed
 * @param quietFrom           no texts from this time…
 * @param quietUntil          …until this time (Asia/Shanghai); what falls due in between is kept and sent then
 * @param urgentInQuietHours  templates an URGENT case's customer gets in quiet hours too
 * @param replyWindow         how old (or how far ahead) a reply's signature may be
 * @param dispatch            false stops the scheduled sending (tests drive it themselves)
 */
@ConfigurationProperties("caseflow.sms")
public record SmsProperties(String gatewayUrl, String secret, @DefaultValue("CaseFlow置业客服") String company,
                            Map<String, String> templates, Map<String, String> departments,
                            @DefaultValue("相关部门") String otherDepartment,
                            @DefaultValue("21:00") LocalTime quietFrom, @DefaultValue("08:00") LocalTime quietUntil,
                            @DefaultValue("CASE_OPENED") Set<SmsTemplate> urgentInQuietHours,
                            @DefaultValue("5s") Duration timeout, @DefaultValue("10s") Duration pollInterval,
                            @DefaultValue("30s") Duration firstPause, @DefaultValue("30m") Duration maxPause,
                            @DefaultValue("30s") Duration lease, @DefaultValue("50") int batchSize,
                            @DefaultValue("5m") Duration replyWindow, @DefaultValue("true") boolean dispatch) {

    public static final String CASE_OPENED_TEXT =
            "【{company}】您好，您反映的事项已受理，案件编号{caseNumber}，由{department}负责处理，我们会尽快与您联系。回复退订不再接收。";
    public static final String CASE_RESOLVED_TEXT =
            "【{company}】您好，您的案件{caseNumber}已处理完毕。请对本次服务评价：回复1-5评价，1很不满意…5很满意；回复退订不再接收。";

    /** routing's departments as it seeds them; a department added there needs its name here. */
    static final Map<String, String> DEPARTMENTS = Map.of(
            "CUSTOMER_SERVICE", "客服中心",
            "ENGINEERING", "工程维修部",
            "PROPERTY_MANAGEMENT", "物业管理部",
            "SALES", "销售部",
            "HANDOVER", "交付部",
            "TITLE", "产权证办理部",
            "FINANCE", "财务部",
            "LEGAL", "法务部");

    public SmsProperties {
        Map<String, String> merged = new LinkedHashMap<>(DEPARTMENTS);
        if (departments != null) {
            merged.putAll(departments);
        }
        departments = Map.copyOf(merged);
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        urgentInQuietHours = urgentInQuietHours == null ? Set.of() : Set.copyOf(urgentInQuietHours);
        if (gatewayUrl != null && !gatewayUrl.isBlank()) {
            URI.create(gatewayUrl.strip());
        }
    }

    public boolean gatewayConfigured() {
        return gatewayUrl != null && !gatewayUrl.isBlank();
    }

    public boolean signed() {
        return secret != null && !secret.isBlank();
    }

    public URI gateway() {
        return URI.create(gatewayUrl.strip());
    }

    public String department(String code) {
        return code == null ? otherDepartment : departments.getOrDefault(code, otherDepartment);
    }

    /** The configured texts over the defaults; keys as {@code case-opened} or {@code CASE_OPENED}. */
    public SmsTexts texts() {
        Map<SmsTemplate, String> texts = new EnumMap<>(SmsTemplate.class);
        texts.put(SmsTemplate.CASE_OPENED, CASE_OPENED_TEXT);
        texts.put(SmsTemplate.CASE_RESOLVED, CASE_RESOLVED_TEXT);
        templates.forEach((key, text) -> texts.put(
                SmsTemplate.valueOf(key.strip().replace('-', '_').toUpperCase(Locale.ROOT)), text));
        return new SmsTexts(company, texts);
    }
}
