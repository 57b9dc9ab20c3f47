package fr.portailfamilles.reservation.waitingroom.application;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.portailfamilles.platform.web.admission.AdmissionPasses;

/** The admission pass, signed here and checked here and at the gateway with the same ADMISSION_PASS_SECRET. */
@Configuration(proxyBeanMethods = false)
class AdmissionPassConfiguration {

    @Bean
    AdmissionPasses admissionPasses(@Value("${portail.admission-pass.secret}") String secret,
            @Value("${portail.demo.enabled:false}") boolean demo, Clock clock) {
        return AdmissionPasses.create(secret, demo, clock);
    }
}
