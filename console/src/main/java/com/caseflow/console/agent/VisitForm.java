package com.caseflow.console.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a reception agent typed for a walk-in visitor (接访), kept as typed; the idempotency key is made when the form
 * is shown, as for calls.
 */
public class VisitForm {

    private String idempotencyKey = UUID.randomUUID().toString();
    private String arrivedAt;
    private String greetedAt;
    private String visitorName;
    private String visitorType = "OWNER";
    private String organisation;
    private String phone;
    private String projectCode;
    private String unit;
    private String purpose;
    private String hostedBy;
    private String category;
    private boolean settledOnVisit;

    /** The body intake's {@code POST /api/v1/visits} takes; empty fields left out so that intake names them. */
    Map<String, Object> request() {
        Map<String, Object> body = new LinkedHashMap<>();
        CallForm.put(body, "arrivedAt", arrivedAt);
        CallForm.put(body, "greetedAt", greetedAt);
        CallForm.put(body, "visitorName", visitorName);
        CallForm.put(body, "visitorType", visitorType);
        CallForm.put(body, "organisation", organisation);
        CallForm.put(body, "phone", phone);
        CallForm.put(body, "projectCode", projectCode);
        CallForm.put(body, "unit", unit);
        CallForm.put(body, "purpose", purpose);
        CallForm.put(body, "hostedBy", hostedBy);
        CallForm.put(body, "category", category);
        body.put("settledOnVisit", settledOnVisit);
        return body;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public String getArrivedAt() {
        return arrivedAt;
    }

    public void setArrivedAt(String arrivedAt) {
        this.arrivedAt = arrivedAt;
    }

    public String getGreetedAt() {
        return greetedAt;
    }

    public void setGreetedAt(String greetedAt) {
        this.greetedAt = greetedAt;
    }

    public String getVisitorName() {
        return visitorName;
    }

    public void setVisitorName(String visitorName) {
        this.visitorName = visitorName;
    }

    public String getVisitorType() {
        return visitorType;
    }

    public void setVisitorType(String visitorType) {
        this.visitorType = visitorType;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getProjectCode() {
        return projectCode;
    }

    public void setProjectCode(String projectCode) {
        this.projectCode = projectCode;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getHostedBy() {
        return hostedBy;
    }

    public void setHostedBy(String hostedBy) {
        this.hostedBy = hostedBy;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public boolean isSettledOnVisit() {
        return settledOnVisit;
    }

    public void setSettledOnVisit(boolean settledOnVisit) {
        this.settledOnVisit = settledOnVisit;
    }
}
