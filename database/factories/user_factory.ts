import factory from '@adonisjs/lucid/factories'
import User from '#models/user'

/** Every factory user's password is `secret-password`. */
export const FACTORY_PASSWORD = 'secret-password'

export const UserFactory = factory
  .define(User, ({ faker }) => ({
    name: faker.person.fullName(),
    email: faker.internet
      .email()
      .toLowerCase()
      .replace('@', `.${faker.string.alphanumeric(6)}@`),
    password: FACTORY_PASSWORD,
    role: 'admin',
    isActive: true,
    locale: 'pt-BR',
  }))
  .state('inactive', (user) => (user.isActive = false))
  .build()
