package fr.portailfamilles.gateway.waitingroom;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import fr.portailfamilles.platform.web.admission.AdmissionPasses;

/** The waiting room's pass verifier, with the secret reservation-service signs with (ADMISSION_PASS_SECRET). */
@Configuration(proxyBeanMethods = false)
class AdmissionPassConfiguration {

    /** The gateway has no demo data of its own: DEMO_DATA (as dev/run sets it for every part) allows the local secret. */
    @Bean
    AdmissionPasses admissionPasses(@Value("${portail.admission-pass.secret}") String secret,
            @Value("${portail.demo.enabled:${DEMO_DATA:false}}") boolean demo) {
        return AdmissionPasses.create(secret, demo, Clock.systemUTC());
    }
}
