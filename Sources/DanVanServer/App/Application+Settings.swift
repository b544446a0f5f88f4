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
    private struct MenuCountCacheKey: StorageKey {
        typealias Value = MenuCountCache
    }

    /// The menu's numbers per person (see `MenuCounts`).
    var menuCounts: MenuCountCache {
        get {
            if let cache = storage[MenuCountCacheKey.self] { return cache }
            let cache = MenuCountCache()
            storage[MenuCountCacheKey.self] = cache
            return cache
        }
        set { storage[MenuCountCacheKey.self] = newValue }
    }
}
