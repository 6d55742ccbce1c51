// Who pays for a product's extended phase. endoflife.date's "extended support" means different
// things: Windows ESU, RHEL ELS and most "Commercial Support" are bought; Debian LTS is free
// (community-funded); Ubuntu's ESM comes with Ubuntu Pro. A product not listed here is said to have
// "extended support", with no claim about its price.

export type ExtendedSupportCost = 'paid' | 'free' | 'subscription';

export interface ExtendedSupportTerms {
  cost: ExtendedSupportCost;
  /** One line, said under a release on its extended phase. */
  note: string;
}

const paid = (note: string): ExtendedSupportTerms => ({ cost: 'paid', note });
const COMMERCIAL = paid('Sold by third parties as commercial support, after the project’s own support ends.');
const AWS = paid('Charged by AWS per vCPU or instance hour once standard support ends.');
const ORACLE = paid('Oracle Extended Support costs extra on top of the support contract.');

/** Product (endoflife.date's name) -> who pays for its extended phase. */
export const extendedSupportTerms: Readonly<Record<string, ExtendedSupportTerms>> = {
  debian: { cost: 'free', note: 'Debian LTS is free: community-funded, run by volunteers and sponsors.' },
  'apache-pulsar': { cost: 'free', note: 'Security fixes from the Apache Pulsar project, free.' },
  ubuntu: {
    cost: 'subscription',
    note: 'Expanded Security Maintenance comes with Ubuntu Pro: free for personal use on a few machines, paid for organisations.',
  },
  'quarkus-framework': { cost: 'subscription', note: 'With a Red Hat build of Quarkus subscription.' },
  windows: paid(
    'Extended Security Updates are bought per device from Microsoft (Consumer ESU has free options for home users).',
  ),
  'windows-server': paid('Extended Security Updates are bought per server from Microsoft, or included on Azure.'),
  mssqlserver: paid('Extended Security Updates are bought per core from Microsoft, or included on Azure.'),
  msexchange: paid('Extended Security Updates are bought from Microsoft.'),
  rhel: paid('Extended Life Cycle Support is a paid add-on to a RHEL subscription.'),
  'redhat-jboss-eap': paid('Extended Life Support is a paid add-on to a JBoss EAP subscription.'),
  sles: paid('Long Term Service Pack Support is a paid add-on to a SUSE subscription.'),
  'oracle-database': ORACLE,
  'oracle-jdk': ORACLE,
  'oracle-linux': ORACLE,
  'oracle-solaris': ORACLE,
  'oracle-graalvm': ORACLE,
  'ibm-i': paid('Extended Life Cycle Support is bought from IBM.'),
  'ibm-mq': paid('Extended Support is bought from IBM.'),
  'amazon-aurora-postgresql': AWS,
  'amazon-documentdb': AWS,
  'amazon-eks': AWS,
  'amazon-elasticache-redis': AWS,
  'amazon-opensearch': AWS,
  'amazon-rds-mysql': AWS,
  'amazon-rds-postgresql': AWS,
  'azure-database-for-mysql': paid('Charged by Microsoft per vCore hour once standard support ends.'),
  'azure-kubernetes-service': paid('Long-term support needs the AKS Premium tier.'),
  'citrix-vad': paid('Extended Support is bought from Citrix.'),
  'hashicorp-vault': paid('Extended maintenance comes with Vault Enterprise.'),
  'kong-gateway': paid('Enterprise support comes with a Kong Enterprise licence.'),
  magento: paid('Support past this date comes with an Adobe Commerce licence.'),
  mariadb: paid('Enterprise support comes with a MariaDB Enterprise subscription.'),
  openssl: paid('Premium support is bought from the OpenSSL Corporation.'),
  qt: paid('Commercial support comes with a Qt commercial licence.'),
  rabbitmq: paid('Extended commercial support is bought from Broadcom.'),
  'azul-zulu': paid('Extended support comes with an Azul Platform Core subscription.'),
  'bellsoft-liberica': paid('Commercial support is bought from BellSoft.'),
  'eclipse-jetty': paid('Extended support is bought from Webtide.'),
  ckeditor: paid('Extended support comes with a CKEditor LTS licence.'),
  typo3: paid('Extended Long Term Support is bought from the TYPO3 GmbH.'),
  unity: paid('Extended LTS comes with Unity Enterprise or Industry.'),
  angular: COMMERCIAL,
  angularjs: COMMERCIAL,
  'apache-struts': COMMERCIAL,
  bootstrap: COMMERCIAL,
  centreon: COMMERCIAL,
  drupal: COMMERCIAL,
  eslint: COMMERCIAL,
  express: COMMERCIAL,
  grunt: COMMERCIAL,
  jquery: COMMERCIAL,
  nodejs: COMMERCIAL,
  nuxt: COMMERCIAL,
  protractor: COMMERCIAL,
  'spring-boot': COMMERCIAL,
  'spring-cloud': COMMERCIAL,
  'spring-framework': COMMERCIAL,
  'spring-security': COMMERCIAL,
  vue: COMMERCIAL,
  vuetify: COMMERCIAL,
  zentyal: COMMERCIAL,
};

/** A phase's label with who pays for it: "paid Extended Security Updates", "Expanded Security Maintenance (subscription)". */
export function extendedSupportPhrase(productName: string, label: string): string {
  switch (extendedSupportTerms[productName]?.cost) {
    case 'paid':
      return `paid ${label}`;
    case 'free':
      return `free ${label}`;
    case 'subscription':
      return `${label} (subscription)`;
    case undefined:
      return label;
  }
}
