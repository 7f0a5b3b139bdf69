package com.caseflow.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize larger request bodies are refused with 413 before they are parsed */
@ConfigurationProperties("caseflow.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}
