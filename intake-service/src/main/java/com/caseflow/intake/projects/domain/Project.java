package com.caseflow.intake.projects.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A property development (楼盘/项目) as the agents answer about it: where it is, what it sells at what price, and the
 * questions customers ask most.
 *
 * @param version   optimistic-locking version: an edit based on an older version is refused
 * @param updatedAt when it was last created or edited
 * @param updatedBy the staff id of who did it; null for projects loaded at startup (the demo catalogue) or stored
 *                  before who was recorded
 */
public record Project(
        String code,
        String name,
        String city,
        String district,
        String address,
        SalesStatus salesStatus,
        String serviceHotline,
        List<UnitType> unitTypes,
        List<Faq> faqs,
        Long version,
        Instant updatedAt,
        String updatedBy) {

    /**
     * A unit type (户型).
     *
     * @param layout          e.g. 三室两厅两卫
     * @param areaSqm         floor area in square metres (建筑面积)
     * @param priceFromCny    lowest total price in yuan
     * @param priceToCny      highest total price in yuan
     */
    public record UnitType(String name, String layout, BigDecimal areaSqm, BigDecimal priceFromCny,
                           BigDecimal priceToCny) {
    }

    public record Faq(String question, String answer) {
    }

    public Project withVersion(Long newVersion, Instant now) {
        return new Project(code, name, city, district, address, salesStatus, serviceHotline, unitTypes, faqs,
                newVersion, now, updatedBy);
    }
}
