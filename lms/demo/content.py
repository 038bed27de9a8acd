"""The demo course's programme: short, correct lessons on migration in az, en and ru.

Figures are the rounded ones the named sources published; each lesson says which year.
"""

# (day titles {locale: title}, [modules]); a module is (kind, required, minutes, {locale: (title, body)}).
# Quiz modules take their questions, in order, from questions/<name>.{en,az,ru}.gift: the pre-test asks the
# final quiz's questions (the post-test) before the course, so that the two measure what it taught.
QUIZ_FILES = ["final", "day1", "day2", "final"]
# Live modules, in order: (hour, minute, minutes long) in Baku time on their day.
LIVE_TIMES = [(10, 0, 60), (11, 0, 60), (15, 0, 90)]
PROGRAMME = [
    (
        {"en": "Who is a migrant? Key concepts", "az": "Miqrant kimdir? Əsas anlayışlar",
         "ru": "Кто такой мигрант? Основные понятия"},
        [
            ("lesson", True, 15, {
                "en": ("Welcome to the course", """
Over three days we look at the words migration policy is built on, at how people move for work,
and at the trends that shape the next decade.

**Each day** opens in the morning (Baku time) and has lessons, a live session or a quiz.
Mark a lesson complete when you have read it; your progress is on the course page.

1. Day 1 — key concepts: migrant, refugee, asylum-seeker, internally displaced and stateless persons.
2. Day 2 — labour migration and remittances.
3. Day 3 — irregular migration and global trends.
"""),
                "az": ("Təlimə xoş gəlmisiniz", """
Üç gün ərzində miqrasiya siyasətinin əsaslandığı anlayışları, insanların iş üçün necə köç
etdiyini və növbəti onilliyi formalaşdıran tendensiyaları nəzərdən keçirəcəyik.

**Hər gün** səhər (Bakı vaxtı ilə) açılır və dərslərdən, canlı sessiyadan və ya testdən ibarətdir.
Dərsi oxuduqdan sonra onu tamamlanmış kimi qeyd edin; irəliləyişiniz kurs səhifəsində görünür.

1. 1-ci gün — əsas anlayışlar: miqrant, qaçqın, sığınacaq axtaran, məcburi köçkün və vətəndaşlığı olmayan şəxslər.
2. 2-ci gün — əmək miqrasiyası və pul köçürmələri.
3. 3-cü gün — qeyri-qanuni miqrasiya və qlobal tendensiyalar.
"""),
                "ru": ("Добро пожаловать на курс", """
За три дня мы разберём понятия, на которых строится миграционная политика, посмотрим, как люди
переезжают ради работы, и какие тенденции определят ближайшее десятилетие.

**Каждый день** открывается утром (по бакинскому времени) и включает уроки, живое занятие или тест.
Отметьте урок как завершённый, когда прочитаете его; ваш прогресс виден на странице курса.

1. День 1 — основные понятия: мигрант, беженец, лицо, ищущее убежища, внутренне перемещённые лица и лица без гражданства.
2. День 2 — трудовая миграция и денежные переводы.
3. День 3 — нерегулярная миграция и глобальные тенденции.
"""),
            }),
            ("quiz", False, 10, {
                "en": ("Before we start: what do you know?", "The final quiz's eight questions, once, before the lessons: at the end you see what the course taught you. It does not count towards the certificate."),
                "az": ("Başlamazdan əvvəl: nə bilirsiniz?", "Yekun testin səkkiz sualı, dərslərdən əvvəl bir dəfə: sonda kursun sizə nə öyrətdiyini görəcəksiniz. Sertifikata təsir etmir."),
                "ru": ("Перед началом: что вы знаете?", "Восемь вопросов итогового теста, один раз, до уроков: в конце вы увидите, чему вас научил курс. На сертификат не влияет."),
            }),
            ("lesson", True, 30, {
                "en": ("Migrant, refugee, asylum-seeker", """
## Migrant
*Migrant* is an umbrella term, not defined in international law: a person who moves away from
their place of usual residence, within a country or across a border, temporarily or permanently,
for any reason (IOM).

## Refugee
Under the **1951 Refugee Convention**, a refugee is outside their country of nationality and cannot
return owing to a well-founded fear of persecution for reasons of race, religion, nationality,
membership of a particular social group or political opinion. Refugees are protected by the
principle of **non-refoulement**: no return to a place where they would face such danger.

## Asylum-seeker
A person who seeks international protection and whose claim has not yet been decided. Not every
asylum-seeker is recognised as a refugee, but every refugee was first an asylum-seeker.

| Term | Crossed a border? | Specific legal status |
|---|---|---|
| Migrant | not necessarily | no |
| Asylum-seeker | yes | while the claim is examined |
| Refugee | yes | yes (1951 Convention) |
"""),
                "az": ("Miqrant, qaçqın, sığınacaq axtaran", """
## Miqrant
*Miqrant* beynəlxalq hüquqda müəyyən edilməmiş ümumi anlayışdır: istənilən səbəbdən, müvəqqəti və
ya daimi olaraq, ölkə daxilində və ya sərhədi keçməklə daimi yaşayış yerini tərk edən şəxs (BMqT).

## Qaçqın
**1951-ci il Qaçqınların statusu haqqında Konvensiyaya** görə qaçqın irqi, dini, milliyyəti, müəyyən
sosial qrupa mənsubiyyəti və ya siyasi baxışlarına görə təqib olunmaqdan əsaslı qorxu səbəbindən
vətəndaşı olduğu ölkədən kənarda olan və ora qayıda bilməyən şəxsdir. Qaçqınları **geri
göndərməmə (non-refoulement)** prinsipi qoruyur: onlar belə təhlükə ilə üzləşəcəkləri yerə
qaytarıla bilməzlər.

## Sığınacaq axtaran
Beynəlxalq müdafiə istəyən və müraciəti hələ həll olunmamış şəxs. Hər sığınacaq axtaran qaçqın kimi
tanınmır, lakin hər qaçqın əvvəlcə sığınacaq axtaran olub.

| Anlayış | Sərhədi keçib? | Xüsusi hüquqi status |
|---|---|---|
| Miqrant | mütləq deyil | yoxdur |
| Sığınacaq axtaran | bəli | müraciət baxılana qədər |
| Qaçqın | bəli | bəli (1951-ci il Konvensiyası) |
"""),
                "ru": ("Мигрант, беженец, лицо, ищущее убежища", """
## Мигрант
*Мигрант* — обобщающее понятие, не закреплённое в международном праве: человек, покинувший место
обычного проживания внутри страны или через границу, временно или постоянно, по любой причине (МОМ).

## Беженец
Согласно **Конвенции о статусе беженцев 1951 года**, беженец находится за пределами страны своей
гражданской принадлежности и не может вернуться из-за вполне обоснованных опасений стать жертвой
преследований по признаку расы, вероисповедания, гражданства, принадлежности к определённой
социальной группе или политических убеждений. Беженцев защищает принцип **невысылки
(non-refoulement)**: их нельзя возвращать туда, где им грозит такая опасность.

## Лицо, ищущее убежища
Человек, который просит международной защиты и чьё ходатайство ещё не рассмотрено. Не каждое лицо,
ищущее убежища, признаётся беженцем, но каждый беженец сначала искал убежища.

| Понятие | Пересёк границу? | Особый правовой статус |
|---|---|---|
| Мигрант | не обязательно | нет |
| Лицо, ищущее убежища | да | на время рассмотрения |
| Беженец | да | да (Конвенция 1951 года) |
"""),
            }),
            ("lesson", True, 25, {
                "en": ("Internally displaced and stateless persons", """
**Internally displaced persons (IDPs)** were forced to flee their homes — by conflict, violence,
human rights violations or disasters — but have **not crossed an internationally recognised
border**. Their own state remains responsible for them; the *Guiding Principles on Internal
Displacement* (1998) set out their rights.

**Stateless persons** are not considered nationals by any state under the operation of its law
(1954 Convention relating to the Status of Stateless Persons). Without a nationality, people often
cannot register a birth, study, work legally or travel.

Questions to discuss with colleagues:
- Which authority in your country registers IDPs?
- How does a stateless person in your country obtain documents?
"""),
                "az": ("Məcburi köçkünlər və vətəndaşlığı olmayan şəxslər", """
**Məcburi köçkünlər** münaqişə, zorakılıq, insan hüquqlarının pozulması və ya fəlakətlər
səbəbindən evlərini tərk etməyə məcbur olmuş, lakin **beynəlxalq səviyyədə tanınmış sərhədi
keçməmiş** şəxslərdir. Onlara görə məsuliyyət öz dövlətlərinin üzərində qalır; hüquqları *Ölkə
daxilində köçkünlüyə dair Rəhbər Prinsiplərdə* (1998) əks olunub.

**Vətəndaşlığı olmayan şəxslər** heç bir dövlət tərəfindən onun qanunvericiliyinə əsasən
vətəndaş hesab edilməyən şəxslərdir (1954-cü il Vətəndaşlığı olmayan şəxslərin statusu haqqında
Konvensiya). Vətəndaşlıq olmadan insanlar çox vaxt doğumu qeydiyyata sala, təhsil ala, qanuni
işləyə və ya səyahət edə bilmirlər.

Həmkarlarla müzakirə üçün suallar:
- Ölkənizdə məcburi köçkünləri hansı qurum qeydiyyata alır?
- Ölkənizdə vətəndaşlığı olmayan şəxs sənədləri necə əldə edir?
"""),
                "ru": ("Внутренне перемещённые лица и лица без гражданства", """
**Внутренне перемещённые лица (ВПЛ)** были вынуждены покинуть свои дома из-за конфликта,
насилия, нарушений прав человека или бедствий, но **не пересекали международно признанную
границу**. Ответственность за них несёт их собственное государство; их права изложены в
*Руководящих принципах по вопросу о перемещении лиц внутри страны* (1998).

**Лица без гражданства** не рассматриваются в качестве гражданина ни одним государством в силу
его закона (Конвенция о статусе апатридов 1954 года). Без гражданства люди часто не могут
зарегистрировать рождение, учиться, законно работать или путешествовать.

Вопросы для обсуждения с коллегами:
- Какой орган в вашей стране регистрирует ВПЛ?
- Как лицо без гражданства в вашей стране получает документы?
"""),
            }),
            ("quiz", True, 15, {
                "en": ("Day 1 quiz: key concepts", "Eight questions on the day's lessons. You need 60 % to pass; you have three attempts."),
                "az": ("1-ci günün testi: əsas anlayışlar", "Günün dərslərinə dair səkkiz sual. Keçmək üçün 60 % lazımdır; üç cəhdiniz var."),
                "ru": ("Тест дня 1: основные понятия", "Восемь вопросов по урокам дня. Для зачёта нужно 60 %; у вас три попытки."),
            }),
            ("live", True, 60, {
                "en": ("Opening session", "The opening of the course with the training centre and the partner organisation: introductions, aims of the course and how the three days work."),
                "az": ("Açılış sessiyası", "Təlim mərkəzi və tərəfdaş təşkilatla kursun açılışı: tanışlıq, kursun məqsədləri və üç günün necə keçəcəyi."),
                "ru": ("Открытие курса", "Открытие курса с учебным центром и организацией-партнёром: знакомство, цели курса и порядок работы в течение трёх дней."),
            }),
            ("survey", False, 5, {
                "en": ("Feedback on day 1", "Five short questions on today. Your answers are anonymous."),
                "az": ("1-ci gün haqqında rəy", "Bu gün haqqında beş qısa sual. Cavablarınız anonimdir."),
                "ru": ("Отзыв о дне 1", "Пять коротких вопросов о сегодняшнем дне. Ваши ответы анонимны."),
            }),
        ],
    ),
    (
        {"en": "Labour migration and remittances", "az": "Əmək miqrasiyası və pul köçürmələri",
         "ru": "Трудовая миграция и денежные переводы"},
        [
            ("lesson", True, 30, {
                "en": ("Labour migration", """
Most international migrants move for work. The ILO estimated about **168 million international
migrant workers in 2022**, nearly two thirds of all international migrants of working age.

What drives it: differences in wages and jobs between countries, ageing populations in
destination countries, networks of family and friends, and agreements between states.

Good governance of labour migration means **fair recruitment** (no fees charged to workers),
contracts the worker understands, recognition of skills, and access to social protection.
"""),
                "az": ("Əmək miqrasiyası", """
Beynəlxalq miqrantların əksəriyyəti iş üçün köç edir. BƏT-in hesablamalarına görə, **2022-ci ildə
təxminən 168 milyon beynəlxalq miqrant işçi** olub — bu, əmək qabiliyyətli yaşda olan bütün
beynəlxalq miqrantların təxminən üçdə ikisidir.

Səbəblər: ölkələr arasında əmək haqqı və iş yerləri fərqi, təyinat ölkələrində əhalinin
qocalması, ailə və dost şəbəkələri, dövlətlərarası sazişlər.

Əmək miqrasiyasının yaxşı idarə olunması **ədalətli işə qəbul** (işçidən haqq alınmaması), işçinin
başa düşdüyü müqavilə, bacarıqların tanınması və sosial müdafiəyə çıxış deməkdir.
"""),
                "ru": ("Трудовая миграция", """
Большинство международных мигрантов переезжают ради работы. По оценке МОТ, в **2022 году было
около 168 миллионов международных трудовых мигрантов** — почти две трети всех международных
мигрантов трудоспособного возраста.

Причины: разница в заработной плате и занятости между странами, старение населения в странах
назначения, сети родственников и друзей, соглашения между государствами.

Хорошее управление трудовой миграцией — это **добросовестный наём** (без сборов с работника),
понятный работнику договор, признание квалификации и доступ к социальной защите.
"""),
            }),
            ("lesson", True, 25, {
                "en": ("Remittances and development", """
*Remittances* are the money migrants send home. The World Bank estimated that remittances to low-
and middle-income countries reached about **US$656 billion in 2023** — more than foreign direct
investment and official development aid combined, excluding China.

For many families they pay for food, schooling and health care. Costs matter: the Sustainable
Development Goals (target 10.c) aim to bring the cost of sending money **below 3 %**.
"""),
                "az": ("Pul köçürmələri və inkişaf", """
*Pul köçürmələri* miqrantların vətənə göndərdiyi vəsaitlərdir. Dünya Bankının hesablamalarına görə,
aşağı və orta gəlirli ölkələrə pul köçürmələri **2023-cü ildə təxminən 656 milyard ABŞ dollarına**
çatıb — Çin istisna olmaqla, bu, birbaşa xarici investisiyalar və rəsmi inkişaf yardımının
cəmindən çoxdur.

Bir çox ailə üçün bu vəsait qida, təhsil və səhiyyə xərclərini ödəyir. Xərclər vacibdir: Davamlı
İnkişaf Məqsədləri (10.c hədəfi) pul göndərmə xərcini **3 %-dən aşağı** salmağı nəzərdə tutur.
"""),
                "ru": ("Денежные переводы и развитие", """
*Денежные переводы* — это средства, которые мигранты отправляют домой. По оценке Всемирного банка,
переводы в страны с низким и средним уровнем дохода в **2023 году достигли около 656 млрд
долларов США** — больше, чем прямые иностранные инвестиции и официальная помощь развитию вместе
взятые (без учёта Китая).

Для многих семей это деньги на еду, учёбу и лечение. Важна стоимость: Цели устойчивого развития
(задача 10.c) предусматривают снижение стоимости перевода **ниже 3 %**.
"""),
            }),
            ("live", True, 60, {
                "en": ("Lecture: labour migration corridors of the region", "A trainer presents the main labour migration corridors of the region and answers questions."),
                "az": ("Mühazirə: regionun əmək miqrasiyası dəhlizləri", "Təlimçi regionun əsas əmək miqrasiyası dəhlizlərini təqdim edir və suallara cavab verir."),
                "ru": ("Лекция: коридоры трудовой миграции в регионе", "Тренер рассказывает об основных коридорах трудовой миграции в регионе и отвечает на вопросы."),
            }),
            ("quiz", True, 15, {
                "en": ("Day 2 quiz: labour migration and remittances", "Eight questions on the day's lessons. You need 60 % to pass; you have three attempts."),
                "az": ("2-ci günün testi: əmək miqrasiyası və pul köçürmələri", "Günün dərslərinə dair səkkiz sual. Keçmək üçün 60 % lazımdır; üç cəhdiniz var."),
                "ru": ("Тест дня 2: трудовая миграция и денежные переводы", "Восемь вопросов по урокам дня. Для зачёта нужно 60 %; у вас три попытки."),
            }),
            ("lesson", False, 20, {
                "en": ("Further reading", """
- IOM, *World Migration Report 2024*
- ILO, *Global Estimates on International Migrant Workers* (2024)
- World Bank, *Migration and Development Brief 40* (2024)
- UNHCR, *Global Trends: Forced Displacement in 2023*
"""),
                "az": ("Əlavə oxu üçün", """
- BMqT, *Dünya Miqrasiya Hesabatı 2024*
- BƏT, *Beynəlxalq miqrant işçilərə dair qlobal qiymətləndirmələr* (2024)
- Dünya Bankı, *Miqrasiya və İnkişaf İcmalı 40* (2024)
- BMT QAK, *Qlobal tendensiyalar: 2023-cü ildə məcburi köçkünlük*
"""),
                "ru": ("Дополнительное чтение", """
- МОМ, *Доклад о миграции в мире 2024*
- МОТ, *Глобальные оценки численности международных трудовых мигрантов* (2024)
- Всемирный банк, *Обзор по миграции и развитию № 40* (2024)
- УВКБ ООН, *Глобальные тенденции: вынужденное перемещение в 2023 году*
"""),
            }),
        ],
    ),
    (
        {"en": "Irregular migration and global trends", "az": "Qeyri-qanuni miqrasiya və qlobal tendensiyalar",
         "ru": "Нерегулярная миграция и глобальные тенденции"},
        [
            ("lesson", True, 30, {
                "en": ("Irregular migration, smuggling and trafficking", """
*Irregular migration* is movement outside the laws and agreements that govern entry, stay or work.
Two crimes are often confused:

| | Migrant smuggling | Trafficking in persons |
|---|---|---|
| Consent | the migrant agrees | no real consent (force, fraud, abuse) |
| Border | always crossed | not necessary |
| Purpose | profit from the crossing | exploitation of the person |

Both are defined by the **Palermo Protocols** (2000) to the UN Convention against Transnational
Organized Crime. A smuggled migrant can become a victim of trafficking on the way.
"""),
                "az": ("Qeyri-qanuni miqrasiya, qaçaqmalçılıq və insan alveri", """
*Qeyri-qanuni miqrasiya* ölkəyə girişi, orada qalmağı və ya işləməyi tənzimləyən qanun və
sazişlərdən kənar hərəkətdir. İki cinayət tez-tez qarışdırılır:

| | Miqrantların qaçaqmalçılığı | İnsan alveri |
|---|---|---|
| Razılıq | miqrant razıdır | həqiqi razılıq yoxdur (zor, aldatma, sui-istifadə) |
| Sərhəd | həmişə keçilir | vacib deyil |
| Məqsəd | keçiddən gəlir | şəxsin istismarı |

Hər ikisi BMT-nin Transmilli mütəşəkkil cinayətkarlığa qarşı Konvensiyasının **Palermo
Protokolları** (2000) ilə müəyyən edilib. Qaçaqmalçılıq yolu ilə aparılan miqrant yolda insan
alverinin qurbanına çevrilə bilər.
"""),
                "ru": ("Нерегулярная миграция, незаконный ввоз и торговля людьми", """
*Нерегулярная миграция* — перемещение в обход законов и соглашений, регулирующих въезд,
пребывание или работу. Два преступления часто путают:

| | Незаконный ввоз мигрантов | Торговля людьми |
|---|---|---|
| Согласие | мигрант согласен | подлинного согласия нет (сила, обман, злоупотребление) |
| Граница | всегда пересекается | не обязательно |
| Цель | доход от переправки | эксплуатация человека |

Оба понятия определены **Палермскими протоколами** (2000) к Конвенции ООН против
транснациональной организованной преступности. Незаконно ввезённый мигрант может по пути стать
жертвой торговли людьми.
"""),
            }),
            ("lesson", True, 25, {
                "en": ("Trends in numbers", """
- **281 million** international migrants in 2020, about 3.6 % of the world's population (UN DESA).
- **117 million** people forcibly displaced at the end of 2023 (UNHCR).
- **76 million** internally displaced people at the end of 2023 (IDMC).

Climate change, demographic change and digital work are expected to shape who moves, where and
how in the coming decade.
"""),
                "az": ("Rəqəmlərlə tendensiyalar", """
- 2020-ci ildə **281 milyon** beynəlxalq miqrant — dünya əhalisinin təxminən 3,6 %-i (BMT DESA).
- 2023-cü ilin sonunda **117 milyon** məcburi köçkün düşmüş insan (BMT QAK).
- 2023-cü ilin sonunda ölkə daxilində **76 milyon** məcburi köçkün (IDMC).

Gələcək onillikdə kimin, hara və necə köç edəcəyini iqlim dəyişikliyi, demoqrafik dəyişikliklər və
rəqəmsal əmək formalaşdıracaq.
"""),
                "ru": ("Тенденции в цифрах", """
- **281 млн** международных мигрантов в 2020 году — около 3,6 % населения мира (ДЭСВ ООН).
- **117 млн** вынужденно перемещённых людей на конец 2023 года (УВКБ ООН).
- **76 млн** внутренне перемещённых лиц на конец 2023 года (IDMC).

В ближайшее десятилетие то, кто, куда и как будет переезжать, будут определять изменение климата,
демографические сдвиги и цифровая занятость.
"""),
            }),
            ("quiz", True, 20, {
                "en": ("Final quiz", "Eight questions on the whole course, 20 minutes, two attempts."),
                "az": ("Yekun test", "Bütün kursa dair səkkiz sual, 20 dəqiqə, iki cəhd."),
                "ru": ("Итоговый тест", "Восемь вопросов по всему курсу, 20 минут, две попытки."),
            }),
            ("live", True, 90, {
                "en": ("Panel discussion and closing", "Experts from the region discuss migration trends; questions from participants; closing of the course."),
                "az": ("Panel müzakirəsi və bağlanış", "Regionun ekspertləri miqrasiya tendensiyalarını müzakirə edir; iştirakçıların sualları; kursun bağlanışı."),
                "ru": ("Панельная дискуссия и закрытие", "Эксперты региона обсуждают миграционные тенденции; вопросы участников; закрытие курса."),
            }),
            ("lesson", True, 10, {
                "en": ("Course summary", "Migrant, refugee, asylum-seeker, IDP and stateless person are different situations with different protection. Labour migration and remittances link countries' economies. Irregular migration, smuggling and trafficking call for cooperation across borders."),
                "az": ("Kursun yekunu", "Miqrant, qaçqın, sığınacaq axtaran, məcburi köçkün və vətəndaşlığı olmayan şəxs fərqli müdafiə tələb edən fərqli vəziyyətlərdir. Əmək miqrasiyası və pul köçürmələri ölkələrin iqtisadiyyatlarını birləşdirir. Qeyri-qanuni miqrasiya, qaçaqmalçılıq və insan alveri sərhədlərarası əməkdaşlıq tələb edir."),
                "ru": ("Итоги курса", "Мигрант, беженец, лицо, ищущее убежища, ВПЛ и лицо без гражданства — разные ситуации с разной защитой. Трудовая миграция и денежные переводы связывают экономики стран. Нерегулярная миграция, незаконный ввоз и торговля людьми требуют сотрудничества через границы."),
            }),
            ("survey", False, 10, {
                "en": ("Course evaluation", "Tell us how the course went for you: ten questions, about ten minutes. Your answers are anonymous; the certificate needs only that you have answered."),
                "az": ("Kursun qiymətləndirilməsi", "Kursun sizin üçün necə keçdiyini bizə bildirin: on sual, təxminən on dəqiqə. Cavablarınız anonimdir; sertifikat üçün yalnız cavab vermiş olmağınız lazımdır."),
                "ru": ("Оценка курса", "Расскажите, как прошёл для вас курс: десять вопросов, около десяти минут. Ваши ответы анонимны; для сертификата нужно только, чтобы вы ответили."),
            }),
        ],
    ),
]

# The final quiz's one essay (not in the pre-test): GIFT's "{}", graded by a trainer, 2 points, 20–250 words.
FINAL_ESSAY = {
    "en": "::f-essay::Describe one migration route you know from your work: who travels on it, why, and one "
          "risk they face on it. {####Name the route, the people and one risk.}",
    "az": "::f-essay::İşinizdən tanıdığınız bir miqrasiya marşrutunu təsvir edin: onunla kim, nə üçün səyahət edir "
          "və yolda hansı riskla üzləşir. {####Marşrutu, insanları və bir riski adlandırın.}",
    "ru": "::f-essay::Опишите один миграционный маршрут, который вы знаете по работе: кто по нему едет, зачем и с "
          "каким риском сталкивается в пути. {####Назовите маршрут, людей и один риск.}",
}
# What the previous cohort's graduate wrote in it, and what the trainer answered.
FINAL_ESSAY_ANSWER = ("Seasonal workers travel from the south of the region to the capital each spring, mostly by "
                      "bus, to work in construction. Many go without a contract, so the main risk is unpaid wages "
                      "and no way to complain.")
FINAL_ESSAY_COMMENT = "A clear route and a real risk. Next time, say which office could help them."
