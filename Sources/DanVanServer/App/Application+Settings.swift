import Vapor

extension Application {
    private struct SettingsKey: StorageKey {
        typealias Value = Settings
    }

    var settings: Settings {
        get { storage[SettingsKey.self] ?? Settings() }
        set { storage[SettingsKey.self] = newValue }
    }
}

extension Application {
    private struct PersonalCacheKey: StorageKey {
        typealias Value = PersonalCache
    }

    /// The menu's numbers and the to-do page per person (see `PersonalCache`), made at configuration.
    var personalCache: PersonalCache {
        get { storage[PersonalCacheKey.self] ?? PersonalCache() }
        set { storage[PersonalCacheKey.self] = newValue }
    }
}
