/// Passwords too common to protect anything: the top of the public lists of leaked passwords,
/// and the Vietnamese ones offices are known to use. Compared after folding case.
enum CommonPasswords {
    static let list: Set<String> = [
        "password", "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "12345678", "123456789", "1234567890",
        "12345678910", "11111111", "00000000", "88888888", "66666666", "99999999", "12341234", "87654321", "11223344",
        "qwertyui", "qwerty123", "qwerty12", "1q2w3e4r", "1qaz2wsx", "zaq12wsx", "asdfghjk", "zxcvbnm1", "iloveyou",
        "iloveyou1", "sunshine", "princess", "football", "baseball", "welcome1", "welcome123", "admin123", "administrator",
        "letmein1", "abc12345", "abcd1234", "aa123456", "a1234567", "monkey12", "dragon12", "trustno1", "master12",
        "superman", "batman12", "starwars", "whatever", "computer", "internet", "changeme", "default1", "secret12",
        "matkhau", "matkhau1", "matkhau123", "matkhau@123", "123456a@", "12345678a", "a123456789", "anhyeuem", "anhyeuem1",
        "emyeuanh", "yeuemnhieu", "vietnam1", "vietnam123", "hanoi123", "saigon123", "danvan", "danvan123", "danvan@123",
        "danvan2025", "danvan@2025", "danvan2026", "danvan@2026", "dangcongsan", "ubnd1234", "xaphuong", "admin@123",
        "admin1234", "quantri", "quantri123", "123456789a", "1234567a", "12345679", "147258369", "123123123", "123321123",
        "qwertyuiop", "asdfghjkl", "zxcvbnm", "aaaaaaaa", "abcdefgh", "abcdefg1",
    ]
}
