package vn.thidua.process;

import java.util.Map;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;

/**
 * Bean names that versions of a BPMN deployed before a rename still name: instances running on
 * such a version finish on it (see the README's upgrade procedure), so each earlier name is kept
 * as an alias of the bean that serves the element today. Remove an entry once no instance of
 * those versions is left (Cockpit: the process's versions with running instances).
 */
public final class EarlierNames {

	private EarlierNames() {
	}

	/**
	 * Declare as a {@code static @Bean} of the process's configuration.
	 *
	 * @param earlierToCurrent earlier bean name → the bean name the BPMN names today
	 */
	public static BeanDefinitionRegistryPostProcessor aliases(Map<String, String> earlierToCurrent) {
		return new BeanDefinitionRegistryPostProcessor() {

			@Override
			public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
				earlierToCurrent.forEach((earlier, current) -> registry.registerAlias(current, earlier));
			}

		};
	}

}
