package fr.portailfamilles.platform.web.token;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Puts a {@link VerifiedTokenCache} in front of every {@link ReactiveJwtDecoder} bean: web-support's own
 * (JWKS of account-service), the gateway's (the same bean), and one a service builds itself
 * (account-service verifies from its key store). Its hits and misses are the {@code cache.*} metrics
 * tagged {@code cache=verified-tokens}.
 */
public class VerifiedTokenCachePostProcessor implements BeanPostProcessor {

    private final ObjectProvider<TokenCacheProperties> properties;
    private final ObjectProvider<MeterRegistry> meters;

    public VerifiedTokenCachePostProcessor(ObjectProvider<TokenCacheProperties> properties,
            ObjectProvider<MeterRegistry> meters) {
        this.properties = properties;
        this.meters = meters;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof ReactiveJwtDecoder decoder) || bean instanceof VerifiedTokenCache) {
            return bean;
        }
        TokenCacheProperties settings = properties.getObject();
        if (settings.maxSize() == 0 || settings.maxTtl().isZero()) {
            return bean;
        }
        VerifiedTokenCache cache = new VerifiedTokenCache(decoder, settings, Clock.systemUTC());
        meters.ifAvailable(registry -> CaffeineCacheMetrics.monitor(registry, cache.cache(), "verified-tokens"));
        return cache;
    }
}
