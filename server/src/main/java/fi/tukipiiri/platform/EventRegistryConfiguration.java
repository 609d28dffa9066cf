package fi.tukipiiri.platform;

import java.util.function.Supplier;

import org.aopalliance.aop.Advice;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.support.CompletionRegisteringAdvisor;

/**
 * Spring Modulith's event publication registry (decision 22), kept off the live path,
 * with a JSON mapper of its own. Modulith marks a publication processing and then
 * completed around <em>every</em> after-commit {@code @TransactionalEventListener},
 * whether or not a row was stored for it: for a listener without a row that is two extra
 * transactions, the event serialised to JSON and an {@code UPDATE}/{@code DELETE} looked
 * up by that JSON, on every chat message, typing mark and notice delivery. Rows are
 * stored only for {@link ApplicationModuleListener}s
 * ({@code spring.modulith.events.registry-trigger-annotation}), so the completion advice
 * is narrowed here to those same methods; the advice itself is Modulith's.
 * <p>
 * Modulith's advisor bean is replaced by name; if a Modulith version renames it, the
 * application refuses to start rather than quietly paying the cost again.
 */
@Configuration(proxyBeanMethods = false)
class EventRegistryConfiguration {

	/** The name of Modulith's advisor bean (EventPublicationConfiguration). */
	static final String COMPLETION_ADVISOR = "completionRegisteringAdvisor";

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static BeanDefinitionRegistryPostProcessor moduleListenerCompletionOnly() {
		return new BeanDefinitionRegistryPostProcessor() {

			@Override
			public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
				if (!registry.containsBeanDefinition(COMPLETION_ADVISOR)) {
					throw new IllegalStateException("Spring Modulith's " + COMPLETION_ADVISOR
							+ " bean is missing: the registry's completion advice cannot be kept off the live path");
				}
				BeanFactory beans = (BeanFactory) registry;
				registry.removeBeanDefinition(COMPLETION_ADVISOR);
				RootBeanDefinition narrowed = new RootBeanDefinition(ModuleListenerCompletion.class,
						() -> new ModuleListenerCompletion(() -> beans.getBean(EventPublicationRegistry.class)));
				narrowed.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
				registry.registerBeanDefinition(COMPLETION_ADVISOR, narrowed);
			}

			@Override
			public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
				// nothing beyond the definition
			}

		};
	}

	/**
	 * The events' JSON in {@code event_publication}, written and read by a mapper of its
	 * own: the application's mapper is strict because it reads what clients send, while
	 * these rows are our own output, read back perhaps by the next version of a rolling
	 * deploy, so a property that version no longer has is skipped rather than refused.
	 */
	@Bean
	EventSerializer eventPublicationJson() {
		JsonMapper json = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
			.build();
		return new EventSerializer() {

			@Override
			public Object serialize(Object event) {
				return json.writeValueAsString(event);
			}

			@Override
			public <T> T deserialize(Object serialized, Class<T> type) {
				return json.readerFor(type).readValue(serialized.toString());
			}

		};
	}

	/**
	 * Modulith's completion advice (processing, completed or failed in the registry) on
	 * {@link ApplicationModuleListener} methods only.
	 */
	static final class ModuleListenerCompletion extends AbstractPointcutAdvisor {

		private static final long serialVersionUID = 1L;

		private final transient Pointcut pointcut = new AnnotationMatchingPointcut(null,
				ApplicationModuleListener.class, true);

		private final transient Advice advice;

		ModuleListenerCompletion(Supplier<EventPublicationRegistry> registry) {
			this.advice = new CompletionRegisteringAdvisor(registry).getAdvice();
		}

		@Override
		public Pointcut getPointcut() {
			return this.pointcut;
		}

		@Override
		public Advice getAdvice() {
			return this.advice;
		}

	}

}
