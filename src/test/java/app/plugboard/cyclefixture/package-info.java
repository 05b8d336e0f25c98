/**
 * Tiny packages with deliberate cycles, for {@code ArchitectureTest} to show that its rules catch them:
 * {@code orders} and {@code billing} cycle as features (through {@code billing.chat}) though no two
 * packages do; {@code shop} and {@code shop.web} cycle as packages inside one feature. Nothing uses them.
 */
package app.plugboard.cyclefixture;
